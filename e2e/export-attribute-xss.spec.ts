// Attribute values that reveal.js turns into HTML (data-notes) cannot smuggle script into the
// offline HTML export, which allows inline script: opened from disk with showNotes on, reveal.js
// puts the current slide's data-notes into innerHTML, and the handler hidden in it never runs.
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, signedInContext } from "./support/auth";
import { saveExport } from "./support/exported-file";

test("data-notes in an exported deck shows its notes and runs nothing", async ({ context, page }) => {
  await signedInContext(context, "Notes exporter");
  const markdown = [
    "---",
    "type: slide",
    "slideOptions:",
    "  showNotes: true",
    "---",
    '<section data-notes="Say hello<img src=x onerror=window.__pwned=1><b>now</b>"><p>inner slide</p></section>',
    "",
  ].join("\n");
  const created = await page.request.post("/api/decks", { data: { markdown }, headers: { origin: E2E_ORIGIN } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(await saveExport(page.request, id));
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() ?? false)).toBe(true);
  const notes = page.locator(".reveal .speaker-notes");
  await expect(notes).toContainText("Say hello");
  await expect(notes.locator("b")).toHaveText("now");
  // the image is there, without its handler, and has failed to load (when the handler would have run)
  await expect.poll(() => notes.locator("img").evaluate((image: HTMLImageElement) => image.complete)).toBe(true);
  expect(await notes.locator("img").getAttribute("onerror")).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
});
