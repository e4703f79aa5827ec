import { describe, expect, it } from "vitest";
import { folderSlug, groupImportIntoSeries } from "./import-series";

describe("grouping imported decks into series", () => {
  it("makes one series of a folder whose dated decks carry its name, with cadence and weekday", () => {
    const decks = [
      { path: "minutes/community-call/20240704.md", title: "SCS Community Call", date: "2024-07-04" },
      { path: "minutes/community-call/20240711.md", title: "SCS Community Call", date: "2024-07-11" },
      { path: "minutes/community-call/20240725.md", title: "Community call", date: "2024-07-25" },
      { path: "minutes/community-call/template.md", title: "SCS Community Call", date: "2026-12-02" },
      { path: "minutes/sig-ops/20240705.md", title: "Notes", date: "2024-07-05" },
      { path: "minutes/sig-ops/20240712.md", title: "Notes", date: "2024-07-12" },
      { path: "loose.md", title: "Community Call", date: "2024-07-18" },
    ];
    expect(groupImportIntoSeries(decks)).toEqual([
      {
        folder: "community-call",
        name: "Community Call",
        paths: ["minutes/community-call/20240704.md", "minutes/community-call/20240711.md", "minutes/community-call/20240725.md"],
        cadenceDays: 7,
        weekday: 4,
      },
    ]);
  });

  it("needs two dated calls", () => {
    expect(groupImportIntoSeries([{ path: "community-call/20240704.md", title: "Community Call", date: "2024-07-04" }])).toEqual([]);
  });

  it("slugs the folder a file is in", () => {
    expect(folderSlug("Minutes/Community Call/x.md")).toBe("community-call");
    expect(folderSlug("x.md")).toBeNull();
  });
});
