import { describe, expect, it } from "vitest";
import { planArchiveLayout, slugify } from "./archive-layout";

describe("planArchiveLayout", () => {
  it("files decks by the date in their title, else their creation day, without collisions", () => {
    const created = new Date("2025-01-02T10:00:00Z");
    expect(
      planArchiveLayout([
        { id: "a", title: "SCS Community Call 2024-07-18", createdAt: created },
        { id: "b", title: "SCS Community Call 2024-07-18", createdAt: created },
        { id: "c", title: "Retro: Grüße & Ideen!", createdAt: created },
        { id: "d", title: "", createdAt: created },
        { id: "e", title: "Not a date 2024-13-45", createdAt: created },
      ]),
    ).toEqual([
      { deckId: "a", markdownPath: "2024/20240718-scs-community-call.md", mediaDir: "2024/20240718-scs-community-call/" },
      { deckId: "b", markdownPath: "2024/20240718-scs-community-call-2.md", mediaDir: "2024/20240718-scs-community-call-2/" },
      { deckId: "c", markdownPath: "2025/20250102-retro-grusse-ideen.md", mediaDir: "2025/20250102-retro-grusse-ideen/" },
      { deckId: "d", markdownPath: "2025/20250102-untitled.md", mediaDir: "2025/20250102-untitled/" },
      { deckId: "e", markdownPath: "2025/20250102-not-a-date-2024-13-45.md", mediaDir: "2025/20250102-not-a-date-2024-13-45/" },
    ]);
  });

  it("makes slugs that are safe path segments", () => {
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("   ")).toBe("untitled");
    expect(slugify("x".repeat(200))).toHaveLength(60);
  });
});
