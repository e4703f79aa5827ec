import { expect, it } from "vitest";
import { findFencedLines } from "./fenced-code";

it("marks closed fences only", () => {
  expect(Array.from(findFencedLines(["a", "```js", "---", "```", "b"]))).toEqual([0, 1, 1, 1, 0]);
  expect(Array.from(findFencedLines(["~~~", "```", "~~~", "x"]))).toEqual([1, 1, 1, 0]);
  expect(Array.from(findFencedLines(["````", "```", "````"]))).toEqual([1, 1, 1]);
  expect(Array.from(findFencedLines(["```", "---", "x"]))).toEqual([0, 0, 0]);
  expect(Array.from(findFencedLines(["``` a`b", "x", "```"]))).toEqual([0, 0, 0]);
});
