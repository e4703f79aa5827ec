// The live preview beside the editor: it follows typing and the cursor, a click on a slide moves
// the cursor, warnings show, and the layout is remembered.
import { expect, test, type Page } from "@playwright/test";
import { openEditor } from "./support/decks";
import { focusDeck, ownDeck, presentSlide, previewFrame } from "./support/deck-frame";

const DECK = `---
type: slide
slideOptions:
  theme: white
  plugins: [ "RevealEvil" ]
---

# One

---

# Two

----

## Two, below

---

# Three
`;

test("typing updates the preview, which shows the slide under the cursor", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await openEditor(page, deckId);
  const frame = previewFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("One");

  // The cursor on the last slide: the preview goes there, and shows what I type.
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Three");
  await page.keyboard.type("Typed in the editor");
  await expect(presentSlide(frame)).toContainText("Typed in the editor");

  // A vertical slide, then back to the top (the frontmatter belongs to the first slide).
  await page.locator(".cm-line", { hasText: "## Two, below" }).click();
  await expect(presentSlide(frame).locator("h2")).toHaveText("Two, below");
  await page.keyboard.press("Control+Home");
  await expect(presentSlide(frame).locator("h1")).toHaveText("One");

  // The refused option is a lint mark on its line and a banner; the deck still renders.
  await expect(page.getByTestId("render-warnings")).toContainText("slideOptions.plugins is not allowed");
  await expect(page.locator(".cm-lintRange-warning")).toHaveCount(1);
  await expect(frame.locator("html")).toHaveAttribute("data-mode", "preview");

  // A click on a slide in the preview moves my cursor to its source.
  await focusDeck(frame);
  await page.keyboard.press("ArrowRight");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Two");
  await presentSlide(frame).click();
  await expect(page.locator(".cm-activeLine")).toHaveText("# Two");
});

test("edits from someone else reach my preview, and the layout choice is remembered", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await openEditor(page, deckId);
  const frame = previewFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("One");

  const put = await context.request.put(`/api/decks/${deckId}/markdown`, {
    data: DECK.replace("# One", "# One, edited through the API"),
    headers: { "content-type": "text/markdown", origin: new URL(page.url()).origin },
  });
  expect(put.status()).toBe(204);
  await expect(presentSlide(frame).locator("h1")).toHaveText("One, edited through the API");

  await page.getByRole("radio", { name: "Preview" }).click();
  await expect(page.locator(".cm-editor")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Preview" })).toHaveAttribute("aria-checked", "true");
  await expect(presentSlide(previewFrame(page)).locator("h1")).toHaveText("One, edited through the API");
  await page.getByRole("radio", { name: "Editor" }).click();
  await expect(page.getByTestId("deck-frame-preview")).toHaveCount(0);
  await expect(page.locator(".cm-editor")).toBeVisible();
});

const RICH_DECK = `---
type: slide
---

# First

- one <!-- .element: class="fragment" -->
- two <!-- .element: class="fragment" -->

---

# Second

\`\`\`js
const a = 1;
\`\`\`

$E = mc^2$

note: say it
`;

/** The frame's slides without what reveal.js adds for where the audience is (classes, styles). */
function previewSlides(page: Page): Promise<string> {
  const frame = page.frames().find((candidate) => candidate.url().endsWith("/deck-frame.html"))!;
  return frame.locator(".slides").evaluate((slides) => {
    const clone = slides.cloneNode(true) as Element;
    for (const element of clone.querySelectorAll("*")) {
      element.classList.remove("present", "past", "future", "stack", "visible", "current-fragment", "has-light-background", "has-dark-background");
      for (const name of ["style", "aria-hidden", "inert", "hidden", "data-index-h", "data-index-v", "data-previous-indexv"]) element.removeAttribute(name);
      if (element.getAttribute("class") === "") element.removeAttribute("class");
    }
    return clone.innerHTML;
  });
}

test("the preview, updated keystroke by keystroke, shows what a fresh one does", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, RICH_DECK);
  const page = await context.newPage();
  await openEditor(page, deckId);
  const frame = previewFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("First");

  // Typing inside slides (content patches: code, maths, a fragment's slide), then a new slide.
  await page.locator(".cm-line", { hasText: "const a = 1;" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" // typed");
  await page.locator(".cm-line", { hasText: "$E = mc^2$" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and $x^2$");
  await page.locator(".cm-line", { hasText: "# First" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(", edited");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n---\n\n# Third\n\nadded");
  await expect(presentSlide(frame)).toContainText("added");
  await expect(frame.locator(".slides")).toContainText("// typed");
  await expect(frame.locator(".slides")).toContainText("First, edited");
  const patched = await previewSlides(page);

  await page.reload();
  await expect(presentSlide(previewFrame(page)).locator("h1")).toHaveText("First, edited");
  expect(await previewSlides(page)).toBe(patched);
});
