// Decks look as HedgeDoc 1.12 showed them: its public/css/slide.css over reveal.js 3.9's themes.
// The expected values are what those style sheets give (worked out from their sources), compared
// with the computed styles of the slideshow's headings, text and images, per theme.
import { expect, test, type FrameLocator } from "@playwright/test";
import { focusDeck, ownDeck, presentSlide, slideshowFrame } from "./support/deck-frame";

const HEDGEDOC_FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"';
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

interface Expected {
  headingSize: string;
  headingLetterSpacing: string;
  textSize: string;
  imageBorder: string;
}

/** reveal.js 3.9's theme settings for each theme, with HedgeDoc's slide.css on top. */
const THEMES: Record<string, Expected> = {
  // white.scss: 42px text, h1 2.5em, letter-spacing normal, main colour #222
  white: { headingSize: "105px", headingLetterSpacing: "normal", textSize: "42px", imageBorder: "4px solid rgb(34, 34, 34)" },
  // black.scss: as white, main colour #fff
  black: { headingSize: "105px", headingLetterSpacing: "normal", textSize: "42px", imageBorder: "4px solid rgb(255, 255, 255)" },
  // sky.scss: the template's 40px text and h1 3.77em, heading letter-spacing -0.08em, main colour #333
  sky: { headingSize: "150.8px", headingLetterSpacing: "-12.064px", textSize: "40px", imageBorder: "4px solid rgb(51, 51, 51)" },
  // simple.scss: the template's 40px text and h1 3.77em (reveal.js 6: white's 2.5em), main colour #000
  simple: { headingSize: "150.8px", headingLetterSpacing: "normal", textSize: "40px", imageBorder: "4px solid rgb(0, 0, 0)" },
};

const deck = (theme: string, extra = "") => `---\ntype: slide\nslideOptions:\n  theme: ${theme}\n${extra}---\n\n# 2024-02-29 Community call\n\nSome text\n\n![logo](${PNG})\n\n----\n\n## Below\n\n---\n\n# Next\n`;

async function styles(frame: FrameLocator) {
  const slide = presentSlide(frame);
  const read = (selector: string, properties: string[]) =>
    slide.locator(selector).first().evaluate((element, names) => {
      const computed = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, computed.getPropertyValue(name)]));
    }, properties);
  return {
    heading: await read("h1", ["text-transform", "font-family", "font-size", "letter-spacing"]),
    text: await read("p", ["font-family", "font-size"]),
    image: await read("img", ["border", "box-shadow", "margin-top"]),
  };
}

for (const [theme, expected] of Object.entries(THEMES)) {
  test(`the ${theme} theme looks as in HedgeDoc 1.12`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const deckId = await ownDeck(context, deck(theme));
    const page = await context.newPage();
    await page.goto(`/d/${deckId}/slides`);
    const frame = slideshowFrame(page);
    await expect(presentSlide(frame).locator("h1")).toBeVisible();
    await expect(frame.locator("#deck-theme")).toHaveAttribute("href", new RegExp(`${theme}\\.css$`));
    await expect.poll(async () => (await styles(frame)).heading["font-size"]).toBe(expected.headingSize);
    const seen = await styles(frame);
    expect(seen.heading).toEqual({ "text-transform": "none", "font-family": HEDGEDOC_FONT, "font-size": expected.headingSize, "letter-spacing": expected.headingLetterSpacing });
    expect(seen.text).toEqual({ "font-family": HEDGEDOC_FONT, "font-size": expected.textSize });
    expect(seen.image).toEqual({ border: expected.imageBorder, "box-shadow": "rgba(0, 0, 0, 0.15) 0px 0px 10px 0px", "margin-top": "15px" });
    if (theme === "white") await page.screenshot({ path: "test-results/hedgedoc-look-white.png" });

    // The slide number reads 1.2 below the first slide, as HedgeDoc shows it (no space around the
    // dot; with a single horizontal slide reveal.js 3.9 and 6 both count flat instead).
    await focusDeck(frame);
    await page.keyboard.press("ArrowDown");
    await expect(frame.locator(".slide-number-b")).toHaveText("2");
    const [a, dot, b] = await Promise.all(["a", "delimiter", "b"].map((part) => frame.locator(`.slide-number-${part}`).boundingBox()));
    expect([a!.x + a!.width, dot!.x + dot!.width].map(Math.round)).toEqual([dot!.x, b!.x].map(Math.round));
  });
}

test("podiumLook: reveal shows reveal.js 6's own theme", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const deckId = await ownDeck(context, deck("white", "  podiumLook: reveal\n"));
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toBeVisible();
  await expect.poll(async () => (await styles(frame)).heading["text-transform"]).toBe("uppercase");
  const seen = await styles(frame);
  expect(seen.heading["font-family"]).toContain("Source Sans Pro");
  expect(seen.image.border).toBe("0px none rgb(34, 34, 34)");
});
