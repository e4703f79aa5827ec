// The self-contained HTML export presents offline: opened from a file:// URL with every other
// request blocked, reveal.js initialises, the slides render, and math and images are there.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, signedInContext } from "./support/auth";

const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

test("an exported deck presents from a file with the network blocked", async ({ context, page }) => {
  await signedInContext(context, "Exporter");
  const upload = await page.request.post("/api/media", { data: Buffer.from(PNG_BASE64, "base64"), headers: { origin: E2E_ORIGIN, "content-type": "image/png" } });
  const { url: imageUrl } = (await upload.json()) as { url: string };
  const markdown = `---\ntitle: Offline deck\ntype: slide\nslideOptions:\n  theme: moon\n---\n# First slide\n\n![dot](${imageUrl})\n\n---\n\n## Second $e^{i\\pi}+1=0$\n\nNote: remember to smile\n`;
  const created = await page.request.post("/api/decks", { data: { markdown }, headers: { origin: E2E_ORIGIN } });
  const { id } = (await created.json()) as { id: string };
  const exported = await page.request.get(`/api/decks/${id}/export?format=html`);
  expect(exported.headers()["content-disposition"]).toContain("Offline-deck.html");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "podium-export-")), "deck.html");
  writeFileSync(file, await exported.body());

  const remote: string[] = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith("file:")) return route.continue();
    remote.push(route.request().url());
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href);
  await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() ?? false)).toBe(true);
  await expect(page.locator(".reveal .slides > section")).toHaveCount(2);
  await expect(page.locator(".reveal .slides section").first()).toContainText("First slide");
  expect(await page.locator(".reveal img").first().evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".reveal .slides section.present")).toContainText("Second");
  await expect(page.locator(".reveal .slides section.present .katex")).toBeVisible();
  expect(remote).toEqual([]);
});
