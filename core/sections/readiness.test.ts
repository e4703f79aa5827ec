import { describe, expect, it } from "vitest";
import { parseSections } from "./deck-sections";
import { readinessSummary } from "./readiness";

const section = (title: string, owner: string | null, status: "todo" | "writing" | "ready") => ({ title, owner, status });

describe("readinessSummary", () => {
  it("counts ready sections and names the ones nobody owns", () => {
    const summary = readinessSummary([
      section("Team IaaS", "u1", "ready"),
      section("Team Container", "u2", "writing"),
      section("Team Ops", null, "todo"),
    ]);
    expect(summary).toMatchObject({ total: 3, ready: 1, writing: 1, todo: 1, unowned: ["Team Ops"] });
    expect(summary.text).toBe("1 of 3 sections ready; Team Ops has no owner");
  });

  it("lists a few unowned sections and counts the rest", () => {
    expect(readinessSummary([section("A", null, "todo"), section("B", null, "todo")]).text).toBe("0 of 2 sections ready; A and B have no owner");
    const many = ["A", "B", "C", "D", "E"].map((title) => section(title, null, "todo"));
    expect(readinessSummary(many).text).toBe("0 of 5 sections ready; A, B and 3 more have no owner");
  });

  it("says when everything is ready, and when nothing is tracked", () => {
    expect(readinessSummary([section("A", "u", "ready")]).text).toBe("1 of 1 section ready");
    expect(readinessSummary([section("A", "u", "writing")]).text).toBe("0 of 1 section ready; every section has an owner");
    expect(readinessSummary([]).text).toBe("No sections have owners or a status yet.");
  });

  it("leaves out the slides nobody tracks (title, welcome, thank you)", () => {
    const deck = '# Call\n\n---\n\n<!-- .slide: data-status="todo" -->\n# Team Ops\n\n---\n\n<!-- .slide: data-owner="u1" data-status="ready" -->\n# Team IaaS\n\n---\n\n# Thanks\n';
    expect(readinessSummary(parseSections(deck)).text).toBe("1 of 2 sections ready; Team Ops has no owner");
  });
});
