import { describe, expect, it } from "vitest";
import { dateFromFileName, dateFromTitleSlide, findDeckDate } from "./deck-date";

const NOW = new Date("2026-12-02T10:00:00Z");
const deck = (titleSlide: string, title = "Community Call") => `---\ntitle: ${title}\ntype: slide\n---\n\n${titleSlide}\n\n---\n\n# Later\n\nReleased on 2023-01-05\n`;

describe("the date of a deck", () => {
  it("reads the file name first: 20240718.md, 2024-07-18-….md, call_2024_07_18.md", () => {
    expect(dateFromFileName("community-call/20240718.md", NOW)).toEqual({ date: "2024-07-18" });
    expect(dateFromFileName("minutes/2024-07-18-community-call.md", NOW)).toEqual({ date: "2024-07-18" });
    expect(dateFromFileName("call_2024_07_18.md", NOW)).toEqual({ date: "2024-07-18" });
    expect(dateFromFileName("2024-07/notes.md", NOW)).toBeNull();
    expect(dateFromFileName("000_6008e46cb168dd13.md", NOW)).toBeNull();
    expect(dateFromFileName("2024-0718.md", NOW)).toBeNull();
    const found = findDeckDate({ path: "20240718.md", markdown: deck("# Call\n## 2024-02-29"), now: NOW });
    expect(found).toEqual({ date: "2024-07-18", source: "file name", notes: [] });
  });

  it("reads the title slide in ISO, German and English forms, never a later slide", () => {
    expect(dateFromTitleSlide(deck('# <font color="#2557d6">Community Call</font>\n## <font>2024-02-29</font>'), NOW)).toEqual({ date: "2024-02-29" });
    expect(dateFromTitleSlide(deck("# Community Call\n\n29.02.2024"), NOW)).toEqual({ date: "2024-02-29" });
    expect(dateFromTitleSlide(deck("# Community Call\n\nJuly 18, 2024"), NOW)).toEqual({ date: "2024-07-18" });
    expect(dateFromTitleSlide(deck("# Community Call\n\n18th July 2024"), NOW)).toEqual({ date: "2024-07-18" });
    expect(dateFromTitleSlide(deck("# Call", "Community Call 2024-07-18"), NOW)).toEqual({ date: "2024-07-18" });
    // The release date on the second slide is not the call's date.
    expect(dateFromTitleSlide(deck("# Community Call"), NOW)).toBeNull();
    // Of two dates, the first in the slide.
    expect(dateFromTitleSlide(deck("# Call of 2024-03-07\n\nnext: March 14, 2024"), NOW)).toEqual({ date: "2024-03-07" });
    const found = findDeckDate({ path: "call.md", markdown: deck("## 18.07.2024"), now: NOW });
    expect(found).toEqual({ date: "2024-07-18", source: "title slide", notes: [] });
  });

  it("falls back to the zip entry's time, except DOS's empty 1980-01-01", () => {
    const entryTime = new Date("2024-07-18T13:05:00Z");
    expect(findDeckDate({ path: "call.md", markdown: "# Call", entryTime, now: NOW })).toEqual({ date: "2024-07-18", source: "zip entry time", notes: [] });
    expect(findDeckDate({ path: "call.md", markdown: "# Call", entryTime: new Date("1980-01-01T00:00:00Z"), now: NOW }).date).toBeNull();
    expect(findDeckDate({ path: "call.md", markdown: "# Call", now: NOW })).toEqual({ date: null, source: null, notes: [] });
  });

  it("refuses nonsense and far-future dates with a reason, and tries the next source", () => {
    expect(dateFromFileName("20241301.md", NOW)).toEqual({ refused: "“20241301” is not a real date" });
    expect(dateFromFileName("2023-02-29.md", NOW)).toEqual({ refused: "“2023-02-29” is not a real date" });
    expect(dateFromFileName("2024-04-31.md", NOW)).toEqual({ refused: "“2024-04-31” is not a real date" });
    expect(dateFromFileName("19000101.md", NOW)).toEqual({ refused: "“19000101” is before 1990" });
    expect(dateFromFileName("22040718.md", NOW)).toEqual({ refused: "“22040718” is more than a year in the future" });
    // Up to a year ahead is a call prepared early: accepted.
    expect(dateFromFileName("20271201.md", NOW)).toEqual({ date: "2027-12-01" });
    expect(dateFromTitleSlide(deck("## 31.02.2024"), NOW)).toEqual({ refused: "“31.02.2024” is not a real date" });

    const found = findDeckDate({ path: "22040718.md", markdown: deck("## July 18, 2024"), now: NOW });
    expect(found).toEqual({
      date: "2024-07-18",
      source: "title slide",
      notes: ["the date in its file name was not used: “22040718” is more than a year in the future"],
    });
    const none = findDeckDate({ path: "99999999.md", markdown: "# Hello", now: NOW });
    expect(none.date).toBeNull();
    expect(none.notes).toEqual(["the date in its file name was not used: “99999999” is not a real date"]);
  });
});
