import { expect, it } from "vitest";
import { splitSpeakerNotes } from "./speaker-notes";

it("splits notes at the first note: line", () => {
  expect(splitSpeakerNotes("# A\n\nNote: say\nmore")).toEqual({ content: "# A\n\n", notes: "say\nmore" });
  expect(splitSpeakerNotes("# A\nNOTE:x")).toEqual({ content: "# A\n", notes: "x" });
  expect(splitSpeakerNotes("# A\n  note: indented")).toEqual({ content: "# A\n  note: indented", notes: null });
  expect(splitSpeakerNotes("```\nnote: code\n```\n")).toEqual({ content: "```\nnote: code\n```\n", notes: null });
  expect(splitSpeakerNotes("a\nnote: one\nnote: two").notes).toBe("one\nnote: two");
});
