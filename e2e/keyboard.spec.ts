// The keyboard alone: from the library a person tabs to a deck and opens it, tabs into the editor
// and types, tabs to "Start presenting" and opens the slideshow, and moves through the slides by
// keys — every stop on the way showing where the focus is.
import { expect, test, type Page } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { createDeck, editorText } from "./support/decks";
import { presentSlide, slideshowFrame } from "./support/deck-frame";

const DECK = `---
title: Keyboard deck
type: slide
---

# Welcome

---

# Second

---

# Third
`;

interface Focused {
  tag: string;
  text: string;
  testId: string | null;
  inEditor: boolean;
  /** An outline or a box shadow drawn around it (or, in the editor, around the editor). */
  visible: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const ring = (target: Element | null) => {
      if (!target) return false;
      const style = getComputedStyle(target);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== "none";
    };
    const editor = element?.closest(".cm-editor") ?? null;
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      text: (element?.textContent ?? "").trim().slice(0, 80),
      testId: element?.getAttribute("data-testid") ?? null,
      inEditor: editor !== null,
      visible: ring(element) || ring(editor),
    };
  });
}

/** The focused element shows a ring (CodeMirror marks its editor focused a moment after the focus). */
async function expectFocusRing(page: Page, what: string): Promise<void> {
  await expect.poll(async () => (await focused(page)).visible, { message: `${what} shows a focus ring` }).toBe(true);
}

/** Presses `key` until `wanted` holds for the focused element (at most `limit` presses). */
async function tabUntil(page: Page, wanted: (element: Focused) => boolean, key = "Tab", limit = 60): Promise<Focused> {
  const seen: string[] = [];
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press(key);
    const element = await focused(page);
    seen.push(`${element.tag}:${element.testId ?? element.text}`);
    if (wanted(element)) return element;
  }
  throw new Error(`${key} never reached the element; focus went through: ${seen.join(" → ")}`);
}

test("library → editor → slideshow with the keyboard alone, the focus always visible", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  await signedInContext(context, "Keyboard");
  const deckId = await createDeck(context.request, DECK);
  const page = await context.newPage();

  await page.goto("/");
  await expect(page.getByRole("link", { name: /Keyboard deck/ }).first()).toBeVisible();
  const deckLink = await tabUntil(page, (element) => element.tag === "a" && element.text.includes("Keyboard deck"));
  expect(deckLink.tag).toBe("a");
  await expectFocusRing(page, "the focused deck link");
  await page.screenshot({ path: testInfo.outputPath("library-focus.png") });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/d/${deckId}$`));
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");

  // Into the editor, then type.
  const editor = await tabUntil(page, (element) => element.inEditor);
  expect(editor.inEditor).toBe(true);
  await expectFocusRing(page, "the focused editor");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nTyped without a mouse");
  await expect.poll(() => editorText(page)).toContain("Typed without a mouse");
  await page.screenshot({ path: testInfo.outputPath("editor-focus.png") });

  // Out of the editor (Escape lets Tab leave CodeMirror), back to "Start presenting".
  await page.keyboard.press("Escape");
  const start = await tabUntil(page, (element) => element.testId === "start-presenting", "Shift+Tab");
  expect(start.testId).toBe("start-presenting");
  await expectFocusRing(page, "the focused button");
  await page.screenshot({ path: testInfo.outputPath("start-presenting-focus.png") });
  const [slideshow] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("Enter")]);
  const frame = slideshowFrame(slideshow);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Third");
  // The slideshow took the keyboard: keys move the slides without a click.
  await slideshow.keyboard.press("Home");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");
  await slideshow.keyboard.press("ArrowRight");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Second");
  await slideshow.keyboard.press("Space");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Third");
  await slideshow.keyboard.press("ArrowLeft");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Second");
  await slideshow.screenshot({ path: testInfo.outputPath("slideshow-keys.png") });
});
