// Test-only helper (not matched by vitest's *.test.ts pattern, never imported by runtime code):
// parses rendered HTML with jsdom and asserts that nothing in it can run script.
import { JSDOM } from "jsdom";
import { expect } from "vitest";
import { HTML_VALUED_ATTRIBUTES } from "./reveal-attributes";

const FORBIDDEN_ELEMENTS = "script, iframe, frame, object, embed, applet, base, meta, link, form, button, textarea, select, template, noscript";
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "background", "poster", "srcset", "data"]);

/** Problems found in `html`: elements and attributes that could execute code. */
export function findActiveContent(html: string): string[] {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const problems: string[] = [];
  for (const element of document.querySelectorAll(FORBIDDEN_ELEMENTS)) problems.push(`<${element.tagName.toLowerCase()}>`);
  for (const input of document.querySelectorAll("input")) {
    if (input.getAttribute("type") !== "checkbox" || !input.hasAttribute("disabled")) problems.push("enabled <input>");
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
      if (name.startsWith("on")) problems.push(`${name} on <${element.tagName.toLowerCase()}>`);
      if (name === "srcdoc" || name === "data-background-iframe") problems.push(name);
      // reveal.js parses these values as HTML: they must be as safe as the slide itself
      if (HTML_VALUED_ATTRIBUTES.has(name)) problems.push(...findActiveContent(attribute.value).map((problem) => `${name}: ${problem}`));
      if ((URL_ATTRIBUTES.has(name) || name.startsWith("data-") || name === "style") && /(?:java|vb)script:|data:text\/html/.test(value)) {
        problems.push(`${name}="${attribute.value}"`);
      }
    }
  }
  return problems;
}

export function assertNoActiveContent(html: string): void {
  expect(findActiveContent(html)).toEqual([]);
}

/**
 * The markup of `html` without its text: escaped tags shown as words (`&lt;script&gt;`) are text
 * a person reads, not markup. <style> keeps its text, which is CSS.
 */
export function markupOnly(html: string): string {
  const { document, NodeFilter } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.tagName !== "STYLE") texts.push(node as Text);
  }
  for (const text of texts) text.remove();
  return document.body.innerHTML;
}
