import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff";

describe("diffLines", () => {
  it("reports whole lines added and removed", () => {
    expect(diffLines("# Call\nTeam IaaS\nTeam Ops\n", "# Call\nTeam IaaS: RC\nTeam Ops\nEvents\n")).toEqual([
      { kind: "same", text: "# Call" },
      { kind: "removed", text: "Team IaaS" },
      { kind: "added", text: "Team IaaS: RC" },
      { kind: "same", text: "Team Ops" },
      { kind: "added", text: "Events" },
    ]);
  });

  it("handles empty texts and repeated lines", () => {
    expect(diffLines("", "a\na\n")).toEqual([
      { kind: "added", text: "a" },
      { kind: "added", text: "a" },
    ]);
    expect(diffLines("x\n", "")).toEqual([{ kind: "removed", text: "x" }]);
    expect(diffLines("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });
});
