import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer } from "./deck-renderer";
import { hostileInputs } from "./fixtures/hostile-inputs";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";
import { deckToRevealHtml } from "./reveal-html";
import { assertNoActiveContent, markupOnly } from "./test-assertions.test-helper";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const renderer = createDeckRenderer({ sanitizer });

describe("hostile inputs", () => {
  it("has a substantial corpus", () => {
    expect(hostileInputs.length).toBeGreaterThanOrEqual(40);
  });

  for (const input of hostileInputs) {
    it(input.name, () => {
      const markdown = `---\n${input.frontmatter ?? "type: slide"}\n---\n\n${input.markdown}\n`;
      const deck = renderer.render(markdown);
      expect(deck.kind).toBe("slides");
      const html = deckToRevealHtml(deck);
      // Disallowed tags are shown as the words typed (HedgeDoc's way): only markup must be clean.
      const markup = markupOnly(html).toLowerCase();
      const lower = html.toLowerCase();
      for (const needle of input.mustNotContain) expect(markup, `must not contain ${needle}`).not.toContain(needle.toLowerCase());
      for (const needle of input.mustContain ?? []) expect(lower, `must contain ${needle}`).toContain(needle.toLowerCase());
      for (const key of input.forbiddenOptions ?? []) expect(deck.revealOptions).not.toHaveProperty(key);
      if (input.expectWarning) expect(deck.warnings.length).toBeGreaterThan(0);
      assertNoActiveContent(html);

      // the same input as an ordinary document
      const documentHtml = renderer.render(`${input.markdown}\n`).html;
      for (const needle of input.mustNotContain) expect(markupOnly(documentHtml).toLowerCase()).not.toContain(needle.toLowerCase());
      assertNoActiveContent(documentHtml);
    });
  }
});
