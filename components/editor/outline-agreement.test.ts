// The library title, the editor's outline and the rendered slides read one deck the same way
// (core/markdown/deck-scanner.ts). Each deck here is one where they disagreed before the scanner:
// the outline or the title saw a heading the slides show as code (or the reverse), or the
// splitter saw a fence markdown-it does not.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractDeckMetadata } from "@/core/deck-metadata";
import { renderDeck } from "@/core/render/deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "@/core/render/html-sanitizer";
import { buildOutline } from "./slide-outline";

const window = new JSDOM("").window;
const sanitizer = createHtmlSanitizer(window as unknown as SanitizerWindow);
const slides = (body: string): string => `---\ntype: slide\n---\n\n${body}`;

function rendered(markdown: string) {
  const deck = renderDeck(markdown, { sanitizer }, "slides");
  const read = (html: string) => window.document.createRange().createContextualFragment(html);
  return deck.slides.map((stack) =>
    stack.verticals.map((slide) => {
      const fragment = read(slide.html);
      return { h1: fragment.querySelector("h1")?.textContent ?? null, heading: fragment.querySelector("h1, h2, h3, h4, h5, h6")?.textContent ?? null };
    }),
  );
}

/** The three readings of a deck: slides' stacks, each slide's first heading, the deck's title. */
function readings(markdown: string) {
  const shown = rendered(markdown);
  const outline = buildOutline(markdown);
  return {
    renderedShape: shown.map((stack) => stack.length),
    outlineShape: outline.map((stack) => stack.length),
    renderedHeadings: shown.flat().map((slide) => slide.heading),
    outlineTitles: outline.flat().map((slide) => slide.title),
    renderedTitle: shown.flat().find((slide) => slide.h1 !== null)?.h1 ?? "",
    libraryTitle: extractDeckMetadata(markdown).title,
  };
}

const DECKS: Array<{ name: string; markdown: string; title: string; headings: Array<string | null> }> = [
  { name: "a ~~~ fence holding a heading", markdown: slides("~~~\n# not a title\n~~~\n\n# Real title\n"), title: "Real title", headings: ["Real title"] },
  {
    name: "a longer backtick fence holding a shorter one",
    markdown: slides("````md\n```\n# inside\n```\n````\n\n# Title\n"),
    title: "Title",
    headings: ["Title"],
  },
  { name: "a fence line with an info string, which does not close", markdown: slides("```\n```js\n# inside\n```\n\n# Title\n"), title: "Title", headings: ["Title"] },
  {
    name: "an indented ``` (indented code, not a fence) before a separator",
    markdown: slides("# A\n\n    ```\n\n---\n\n# B\n\n    ```\n"),
    title: "A",
    headings: ["A", "B"],
  },
  { name: "a --- inside a fence", markdown: slides("# One\n\n```\n\n---\n\n```\n\n---\n\n# Two\n"), title: "One", headings: ["One", "Two"] },
  {
    name: "frontmatter after blank lines, then code before the heading",
    markdown: "\n\n---\ntype: slide\n---\n\n```\n# code\n```\n\n# Deck title\n",
    title: "Deck title",
    headings: ["Deck title"],
  },
  { name: "an unclosed fence, code to the end of its slide only", markdown: slides("```\n# code\n\n---\n\n# Second\n"), title: "Second", headings: [null, "Second"] },
  { name: "backticks in a backtick fence's info string (not a fence)", markdown: slides("``` a`b\n# Title\n"), title: "Title", headings: ["Title"] },
  { name: "a # ending a heading's word", markdown: slides("# Learning C#\n"), title: "Learning C#", headings: ["Learning C#"] },
  { name: "a slide indented as HedgeDoc allows", markdown: slides("    # Indented\n    text\n"), title: "Indented", headings: ["Indented"] },
  { name: "a heading in the speaker notes", markdown: slides("Intro\n\nnote:\n# Speaker heading\n\n---\n\n# Real\n"), title: "Real", headings: [null, "Real"] },
];

describe("the library title, the outline and the slides agree", () => {
  for (const deck of DECKS) {
    it(deck.name, () => {
      const read = readings(deck.markdown);
      expect(read.outlineShape).toEqual(read.renderedShape);
      expect(read.renderedHeadings).toEqual(deck.headings);
      expect(read.renderedTitle).toBe(deck.title);
      expect(read.libraryTitle).toBe(deck.title);
      // A slide's outline title is its first heading; without one, its first text.
      read.renderedHeadings.forEach((heading, index) => {
        if (heading !== null) expect(read.outlineTitles[index]).toBe(heading);
      });
    });
  }

  it("names a slide without a heading by its first text, code and notes left out", () => {
    expect(readings(slides("Intro\n\nnote:\n# Speaker heading\n")).outlineTitles).toEqual(["Intro"]);
    expect(readings(slides("```\n# code\n```\nafter the code\n")).outlineTitles).toEqual(["after the code"]);
  });
});
