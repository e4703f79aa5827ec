import { describe, expect, it } from "vitest";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { parseSections } from "@/core/sections/deck-sections";
import { SectionRows } from "./section-rows";

describe("section rows", () => {
  const { markdown } = ordinaryDeck(30_000);
  const at = markdown.indexOf("# Team 11 report");

  it("tells no row when a new line only moves the sections below it", () => {
    const rows = new SectionRows();
    rows.update(parseSections(markdown), new Map());
    const before = parseSections(markdown).map((_, h) => rows.row(h));
    let told = 0;
    rows.subscribe(() => told++);
    rows.update(parseSections(`${markdown.slice(0, at)}\n${markdown.slice(at)}`), new Map());
    expect(told).toBe(0);
    expect(before.every((row, h) => rows.row(h) === row)).toBe(true);
  });

  it("gives a new view to the rows whose section or writers changed, and only to them", () => {
    const rows = new SectionRows();
    const sections = parseSections(markdown);
    rows.update(sections, new Map());
    const before = sections.map((_, h) => rows.row(h));
    let told = 0;
    rows.subscribe(() => told++);
    const ada = { clientId: 7, name: "Ada", color: "#123456", isMe: false, line: 1 };
    const renamed = parseSections(`${markdown.slice(0, at)}Renamed ${markdown.slice(at)}`);
    rows.update(renamed, new Map([[2, [ada]]]));
    expect(told).toBe(1);
    const changed = sections.map((_, h) => h).filter((h) => rows.row(h) !== before[h]);
    const renamedAt = renamed.findIndex((section) => section.title.startsWith("Renamed"));
    expect(changed).toEqual([2, renamedAt].sort((a, b) => a - b));
    expect(rows.row(2)!.writers).toEqual([ada]);
  });
});
