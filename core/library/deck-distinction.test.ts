import { describe, expect, it } from "vitest";
import { deckDistinction } from "./deck-distinction";

describe("what tells a deck apart in the library", () => {
  it("is a date in its title slide, else its first heading when that is not the title", () => {
    expect(deckDistinction("---\ntitle: Team retro\n---\n\n# Team retro\n\n## 12.03.2024\n", "Team retro")).toBe("2024-03-12");
    expect(deckDistinction("---\ntitle: SCS Community Call\n---\n\n# <font color=red>Sprint 42</font>\n\n---\n\n# Later", "SCS Community Call")).toBe("Sprint 42");
    expect(deckDistinction("# Planning\n\n---\n\n# Kick-off\n", "Planning")).toBeNull();
    expect(deckDistinction("", "")).toBeNull();
  });
});
