import { expect, it } from "vitest";
import { createMarkdownIt } from "./markdown-renderer";
import { createRawHtmlBudget } from "./raw-html-limits";

it("admits raw HTML up to the depth and tag limits", () => {
  const budget = createRawHtmlBudget({ maxDepth: 2, maxTags: 100 });
  expect(budget.admit("<div><span></span><br><img src=x></div>")).toBe(true);
  expect(budget.admit("<div><div><div>")).toBe(false);
  expect(budget.admit("<p>")).toBe(false);
  expect(createRawHtmlBudget({ maxDepth: 10, maxTags: 2 }).admit("<b></b><i>")).toBe(false);
});

it("escapes raw HTML past the limit", () => {
  const html = createMarkdownIt({ breaks: true }).render("<div>".repeat(500));
  expect(html.startsWith("&lt;div&gt;")).toBe(true);
});
