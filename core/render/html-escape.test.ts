import { expect, it } from "vitest";
import { escapeHtml } from "./html-escape";

it("escapes the five HTML special characters", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});
