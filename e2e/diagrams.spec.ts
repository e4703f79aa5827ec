// ```mermaid blocks are drawn inside the sandboxed deck frame by mermaid from our own build; a
// broken one keeps its source and shows the parser's message; the offline export draws them too.
// Nothing is fetched from elsewhere.
import { expect, test } from "@playwright/test";
import { ownDeck, presentSlide, slideshowFrame } from "./support/deck-frame";
import { onlyFiles, saveExport } from "./support/exported-file";

test("a mermaid diagram is drawn in the slideshow, a broken one shows its source and the error", async ({ browser }) => {
  const context = await browser.newContext();
  const remote: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  const deckId = await ownDeck(context, "---\ntype: slide\n---\n\n```mermaid\ngraph TD\n  Plan --> Ship\n```\n\n---\n\n```mermaid\ngraph TD\n  A -->\n```\n");
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  const first = presentSlide(frame);
  await expect(first.locator("pre.diagram svg")).toBeVisible({ timeout: 20_000 });
  await expect(first.locator("pre.diagram svg")).toContainText("Ship");
  await page.keyboard.press("ArrowRight").catch(() => undefined);
  await frame.locator(".reveal").click({ position: { x: 3, y: 3 } });
  await page.keyboard.press("ArrowRight");
  const second = presentSlide(frame);
  await expect(second.locator(".diagram-error")).toBeVisible({ timeout: 20_000 });
  await expect(second.locator("pre.diagram")).toContainText("A -->");
  expect(remote).toEqual([]);
});

test("the offline export draws its mermaid diagrams from the file itself", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, "```mermaid\ngraph LR\n  Export --> Disk\n```\n");
  const url = await saveExport(context.request, deckId);
  const page = await context.newPage();
  const remote = await onlyFiles(context);
  await page.goto(url);
  await expect(page.locator(".reveal pre.diagram svg")).toContainText("Disk", { timeout: 20_000 });
  expect(remote).toEqual([]);
});
