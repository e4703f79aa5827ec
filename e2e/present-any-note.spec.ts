// Any note can be presented, as in HedgeDoc: the slideshow splits a note without `type: slide` by
// its separators, and the editor's preview shows a document unless the frontmatter asks for
// slides (`type: slide` or `slideOptions`) or the person switches it to slides.
import { expect, test } from "@playwright/test";
import { openEditor } from "./support/decks";
import { ownDeck, presentSlide, previewFrame, slideshowFrame } from "./support/deck-frame";

const NOTE = "# Meeting notes\n\nNot marked as slides.\n\n---\n\n# Second part\n";

test("a note without type: slide is presented as slides", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, NOTE);
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  await expect(frame.locator(".slides > section")).toHaveCount(2);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Meeting notes");
  await expect(page.locator(".slideshow-message")).toHaveCount(0);
});

test("the preview shows a note as a document until switched to slides", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, NOTE);
  const page = await context.newPage();
  await openEditor(page, deckId);
  const frame = previewFrame(page);
  const toggle = page.getByRole("radiogroup", { name: "Preview as" });
  await expect(toggle.getByRole("radio", { name: "Document" })).toHaveAttribute("aria-checked", "true");
  await expect(frame.locator(".slides > section")).toHaveCount(1);
  await expect(frame.locator(".slides > section hr")).toHaveCount(1);
  await toggle.getByRole("radio", { name: "Slides" }).click();
  await expect(frame.locator(".slides > section")).toHaveCount(2);
  await expect(toggle.getByRole("radio", { name: "Slides" })).toHaveAttribute("aria-checked", "true");
  await toggle.getByRole("radio", { name: "Document" }).click();
  await expect(frame.locator(".slides > section")).toHaveCount(1);
});

test("slideOptions alone make the preview show slides, frontmatter after a blank line too", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, `\n---\nslideOptions:\n  theme: white\n---\n\n${NOTE}`);
  const page = await context.newPage();
  await openEditor(page, deckId);
  const frame = previewFrame(page);
  await expect(frame.locator(".slides > section")).toHaveCount(2);
  await expect(page.getByRole("radiogroup", { name: "Preview as" }).getByRole("radio", { name: "Slides" })).toHaveAttribute("aria-checked", "true");
  await expect(frame.locator("#deck-theme")).toHaveAttribute("href", /white\.css$/);
});
