import { expect, it } from "vitest";
import { createMarkdownIt } from "./markdown-renderer";

it("turns shortcodes into Unicode emoji and leaves text smileys", () => {
  const md = createMarkdownIt({ breaks: true });
  expect(md.render(":rocket: :key: :cloud:")).toBe("<p>🚀 🔑 ☁️</p>\n");
  expect(md.render("see 8) and :)")).toBe("<p>see 8) and :)</p>\n");
  expect(md.render(":not_an_emoji:")).toBe("<p>:not_an_emoji:</p>\n");
});
