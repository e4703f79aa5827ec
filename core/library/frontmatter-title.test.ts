import { describe, expect, it } from "vitest";
import { extractDeckMetadata } from "../deck-metadata";
import { RenameError, setFrontmatterTitle } from "./frontmatter-title";

describe("setFrontmatterTitle", () => {
  it("replaces the title line and nothing else", () => {
    const deck = "---\ntitle: Old\ntype: slide\n---\n# Body\n";
    expect(setFrontmatterTitle(deck, "Call 2024-08-08: “Ops”")).toBe('---\ntitle: "Call 2024-08-08: “Ops”"\ntype: slide\n---\n# Body\n');
    expect(extractDeckMetadata(setFrontmatterTitle(deck, 'a "quoted" #title')).title).toBe('a "quoted" #title');
  });
  it("adds a title to a frontmatter without one, or a frontmatter to a deck without one", () => {
    expect(setFrontmatterTitle("---\ntype: slide\n---\n# B\n", "New")).toBe('---\ntitle: "New"\ntype: slide\n---\n# B\n');
    expect(setFrontmatterTitle("# Just text\n", "New")).toBe('---\ntitle: "New"\n---\n\n# Just text\n');
  });
  it("rewrites a block-scalar title and refuses empty titles and broken frontmatter", () => {
    expect(extractDeckMetadata(setFrontmatterTitle("---\ntitle: |\n  two\n  lines\ntype: slide\n---\n", "One")).title).toBe("One");
    expect(() => setFrontmatterTitle("# x", "  ")).toThrow(RenameError);
    expect(() => setFrontmatterTitle("---\ntitle: [unclosed\n---\n", "x")).toThrow(/not valid YAML/);
  });
});
