import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { deckAccess, type DeckPolicy } from "./deck-access";

const user = (id: string, role: "admin" | "member" = "member"): Actor => ({ kind: "user", via: "token", user: { id, name: id, email: `${id}@x.test`, role } });
const locked: DeckPolicy = { ownerId: "owner", memberAccess: "write", guestAccess: "read", grant: null, locked: true };

describe("a deck locked after its call", () => {
  it("is read-only for writers and guests, and stays the owner's and the admins'", () => {
    expect(deckAccess(user("member"), locked)).toBe("read");
    expect(deckAccess(user("member"), { ...locked, grant: "write" })).toBe("read");
    expect(deckAccess({ kind: "guest" }, { ...locked, guestAccess: "write" })).toBe("read");
    expect(deckAccess(user("owner"), locked)).toBe("owner");
    expect(deckAccess(user("root", "admin"), locked)).toBe("owner");
    // Locking gives nobody access they did not have.
    expect(deckAccess(user("member"), { ...locked, memberAccess: "none", guestAccess: "none" })).toBe("none");
    expect(deckAccess(user("member"), { ...locked, locked: false })).toBe("write");
  });
});
