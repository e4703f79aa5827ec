// The rule itself: what one actor may do with one deck. Pure, so the matrix of cases is easy to
// read and to test; everything that asks "may they?" ends here. Its twin for listings, the same
// rule as SQL, is deck-access-sql.ts (tested against this one).
import { higher, type AccessLevel, type DeckRole } from "../../core/access";
import type { Actor } from "./actor";

export interface DeckPolicy {
  /** null for decks made before accounts existed: the admins own those. */
  ownerId: string | null;
  memberAccess: AccessLevel;
  guestAccess: AccessLevel;
  /** This actor's own grant on the deck, if any. */
  grant: AccessLevel | null;
  /** An archived deck is read-only for everyone, its owner and the admins included. */
  archived?: boolean;
  /** A deleted deck (in the trash) exists only for admins, who may read and restore it. */
  deleted?: boolean;
  /** Locked after its call ("End call", or the series' time lock): read-only but for its owner and the admins. */
  locked?: boolean;
}

export function deckAccess(actor: Actor, policy: DeckPolicy): DeckRole {
  if (policy.deleted) return isAdmin(actor) ? "read" : "none";
  const role = baseRole(actor, policy);
  if (policy.archived && role !== "none") return "read";
  return policy.locked && role === "write" ? "read" : role;
}

/** Does the deck exist for this actor at all? Deleted decks answer "not found" to all but admins. */
export function deckVisible(actor: Actor, policy: Pick<DeckPolicy, "deleted">): boolean {
  return !policy.deleted || isAdmin(actor);
}

/** Library-wide actions that belong to no single deck. */
export type LibraryCapability = "archive" | "restore-deleted" | "purge" | "list-deleted";

/** Who holds each capability: archiving, the trash and purging are the admins' (docs/access.md). */
const CAPABILITY_HOLDERS: Record<LibraryCapability, "admin"> = {
  archive: "admin",
  "restore-deleted": "admin",
  purge: "admin",
  "list-deleted": "admin",
};

export function libraryCapability(actor: Actor, capability: LibraryCapability): boolean {
  return CAPABILITY_HOLDERS[capability] === "admin" && isAdmin(actor);
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === "user" && actor.user.role === "admin";
}

function baseRole(actor: Actor, policy: DeckPolicy): DeckRole {
  if (actor.kind === "guest") return policy.guestAccess;
  if (actor.user.role === "admin" || actor.user.id === policy.ownerId) return "owner";
  // A signed-in member may always do at least what a guest may.
  return higher(higher(policy.memberAccess, policy.guestAccess), policy.grant ?? "none");
}
