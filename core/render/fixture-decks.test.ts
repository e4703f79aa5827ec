// The real decks in ../shared/fixtures/decks render with HedgeDoc's slide structure. The expected
// numbers were counted by hand from the files (a `---`/`----` line with an empty line before and
// after it, outside code), not computed by the renderer.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createDeckRenderer, findSlideAtLine, type RenderedDeck } from "./deck-renderer";
import { createHtmlSanitizer, type SanitizerWindow } from "./html-sanitizer";
import { deckToRevealHtml } from "./reveal-html";

const FIXTURES = new URL("../../../shared/fixtures/decks/", import.meta.url);
const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const renderer = createDeckRenderer({ sanitizer });

interface SlideExpectation {
  h: number;
  v: number;
  background?: string;
  fontColors?: string[];
  imageWidths?: string[];
  imageHeights?: string[];
  containsText?: string[];
}

interface DeckExpectation {
  file: string;
  verticals: number[];
  parallaxBackgroundImage?: string;
  slides: SlideExpectation[];
  /** [document line, expected h, expected v] */
  lines: [number, number, number][];
}

const UPLOADS = "https://input.scs.community/uploads/";
const TITLE_COLORS = ["#50c3a5", "#0f5fe1", "#7D7D82", "#0f5fe1"];

const EXPECTATIONS: DeckExpectation[] = [
  {
    file: "000_6008e46cb168dd13.md",
    verticals: [1, 3, 3, 1, 1, 1, 1, 1, 1, 3, 1, 1],
    slides: [
      { h: 0, v: 0, background: `${UPLOADS}861b508e-4071-483e-aeef-c280ecdfab3c.jpg`, fontColors: TITLE_COLORS },
      { h: 1, v: 1, containsText: ["RC for R7"] },
      { h: 9, v: 0, imageWidths: ["600", "320"] },
      { h: 9, v: 1, imageWidths: ["250", "600"], containsText: ["400+ participants"] },
      { h: 9, v: 2, imageWidths: [] },
      { h: 11, v: 0, containsText: [] },
    ],
    lines: [[1, 0, 0], [42, 0, 0], [48, 1, 0], [54, 1, 1], [62, 1, 2], [181, 9, 0], [187, 9, 1], [209, 10, 0]],
  },
  {
    file: "001_902fbfc8fee9f713.md",
    verticals: [1, 1, 1, 1, 4, 1, 3, 4, 2, 1, 2, 1, 5],
    slides: [
      { h: 0, v: 0, background: `${UPLOADS}7df809b9-624e-433d-8fff-2edae2e3c655.jpeg`, fontColors: TITLE_COLORS },
      { h: 4, v: 3, containsText: ["User Data Backup standard"] },
      { h: 12, v: 4, imageWidths: [], containsText: ["CfP for the OpenInfra Day Germany"] },
    ],
    lines: [[73, 4, 0], [102, 4, 3], [298, 12, 4]],
  },
  {
    file: "002_45bbba8915e66bc5.md",
    verticals: [1, 1, 1, 2, 1, 2, 3, 1, 1, 2, 1, 1, 1, 1, 1, 1],
    parallaxBackgroundImage: `${UPLOADS}7938ad7c-e76e-48bd-9b3c-427a79909bca.png`,
    slides: [
      { h: 0, v: 0, background: `${UPLOADS}bf39c780-2432-4c10-a260-349db7d3c6c8.jpg`, fontColors: ["#50c3a5", "#0f5fe1", "#7D7D82"] },
      { h: 1, v: 0, background: `${UPLOADS}bf39c780-2432-4c10-a260-349db7d3c6c8.jpg`, fontColors: ["#0f5fe1", "#7D7D82"] },
      { h: 3, v: 1, containsText: ["🔑", "👷", "☁️"] },
      { h: 15, v: 0, imageWidths: ["50%"] },
    ],
    lines: [[62, 3, 1], [70, 3, 1], [179, 15, 0]],
  },
  {
    file: "003_4222f0f2b9cd8bba.md",
    verticals: [7, 2, 2, 2, 1, 1, 1, 1, 1, 1],
    slides: [
      { h: 0, v: 0, background: `${UPLOADS}861b508e-4071-483e-aeef-c280ecdfab3c.jpg`, fontColors: TITLE_COLORS },
      { h: 0, v: 1, containsText: ["@artificial-intelligence"] },
      { h: 2, v: 0, containsText: ["Team Ops"] },
    ],
    lines: [[51, 0, 1], [90, 0, 6], [99, 1, 0], [119, 2, 0]],
  },
  {
    file: "004_db386aaa8acb8bfb.md",
    verticals: [1, 1, 1, 1, 4, 1, 1],
    slides: [
      { h: 0, v: 0, background: `${UPLOADS}61c9fea6-a350-4f4d-be09-2e0a6d13d1f6.png`, fontColors: TITLE_COLORS },
      { h: 4, v: 2, imageWidths: ["960"], imageHeights: ["612"] },
      { h: 4, v: 3, imageWidths: [] },
    ],
    lines: [[99, 4, 2], [126, 6, 0]],
  },
];

function parse(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

function load(file: string): RenderedDeck {
  return renderer.render(readFileSync(new URL(file, FIXTURES), "utf8"));
}

describe.each(EXPECTATIONS)("fixture deck $file", (expectation) => {
  const deck = load(expectation.file);

  it("is a deck with the white theme and HedgeDoc's options", () => {
    expect(deck.kind).toBe("slides");
    expect(deck.warnings).toEqual([]);
    expect(deck.theme).toBe("white");
    expect(deck.revealOptions.transition).toBe("slide");
    expect(deck.revealOptions.parallaxBackgroundSize).toBe("1920px 1080px");
    expect(deck.revealOptions.parallaxBackgroundImage).toBe(expectation.parallaxBackgroundImage);
    expect(deck.frontmatter.title).toBe("SCS Community Call");
  });

  it("has HedgeDoc's horizontal and vertical slides", () => {
    expect(deck.slides.map((slide) => slide.verticals.length)).toEqual(expectation.verticals);
  });

  it("produces the same structure as reveal.js markup", () => {
    const document = parse(deckToRevealHtml(deck));
    const top = Array.from(document.querySelectorAll(".slides > section"));
    expect(top.length).toBe(expectation.verticals.length);
    top.forEach((section, index) => {
      const nested = section.querySelectorAll(":scope > section").length;
      expect(nested === 0 ? 1 : nested).toBe(expectation.verticals[index]);
    });
    // no separator ever leaks into a slide as a rule or setext heading
    expect(document.querySelectorAll(".slides style").length).toBe(1);
  });

  it("has data-background exactly on the expected slides", () => {
    const backgrounds = deck.slides.flatMap((h, hi) => h.verticals.flatMap((v, vi) => (v.attributes["data-background"] ? [`${hi}.${vi}`] : [])));
    expect(backgrounds).toEqual(expectation.slides.filter((slide) => slide.background).map((slide) => `${slide.h}.${slide.v}`));
  });

  it.each(expectation.slides)("slide $h.$v has its background, colours, images and text", (slide) => {
    const rendered = deck.slides[slide.h]!.verticals[slide.v]!;
    const document = parse(rendered.html);
    if (slide.background) expect(rendered.attributes["data-background"]).toBe(slide.background);
    if (slide.fontColors) {
      expect(Array.from(document.querySelectorAll("font")).map((font) => font.getAttribute("color"))).toEqual(slide.fontColors);
    }
    const images = Array.from(document.querySelectorAll("img"));
    if (slide.imageWidths) expect(images.filter((image) => image.hasAttribute("width")).map((image) => image.getAttribute("width"))).toEqual(slide.imageWidths);
    if (slide.imageHeights) expect(images.filter((image) => image.hasAttribute("height")).map((image) => image.getAttribute("height"))).toEqual(slide.imageHeights);
    for (const text of slide.containsText ?? []) expect(document.body.textContent).toContain(text);
    if (slide.containsText?.length === 0) expect(document.body.textContent?.trim()).toBe("");
  });

  it.each(expectation.lines)("line %i is on slide %i.%i", (line, h, v) => {
    expect(findSlideAtLine(deck, line)).toEqual({ h, v });
  });
});
