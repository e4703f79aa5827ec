// The library in a real browser: import with a progress bar and a per-file report (mojibake
// repaired, a bad file named), then search and the tag filter over what was imported.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { signedInContext } from "./support/auth";

const FIXTURES = path.resolve(import.meta.dirname, "../../shared/fixtures/decks");

test("imports a zip of minutes and loose files with progress, then finds decks by search and tag", async ({ context, page }) => {
  await signedInContext(context, "Librarian");
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith(".md")).sort();
  const zip = Buffer.from(zipSync(Object.fromEntries(names.map((name) => [`community-call/${name}`, readFileSync(path.join(FIXTURES, name))]))));
  const unique = `walrus${Date.now().toString(36)}`;

  await page.goto("/");
  await page.getByRole("button", { name: "Import…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import decks" });
  await dialog.getByLabel("Files to import").setInputFiles([
    { name: "minutes.zip", mimeType: "application/zip", buffer: zip },
    { name: "extra.md", mimeType: "text/markdown", buffer: Buffer.from(`---\ntitle: Extra ${unique}\ntags: [${unique}]\n---\n# Extra\n`) },
    { name: "broken.md", mimeType: "text/markdown", buffer: Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]) },
  ]);
  // Slow the upload down enough to see the progress bar.
  await page.route("**/api/import", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByLabel("Upload progress")).toBeVisible();
  const result = dialog.getByLabel("Import result");
  await expect(result).toContainText(`${names.length + 1} decks imported`);
  await expect(result).toContainText("1 file skipped");
  await expect(result.locator(".problem")).toContainText("broken.md");
  await expect(result.locator(".problem")).toContainText("not UTF-8");
  await expect(result.locator(".repairs")).toHaveCount(2);
  await expect(result.locator(".repairs").first()).toContainText("→");
  await dialog.getByRole("button", { name: "Close" }).click();

  const list = page.getByRole("list", { name: "Decks" });
  await expect(list.getByRole("link", { name: `Extra ${unique}` })).toBeVisible();
  await page.getByLabel("Search decks").fill(unique);
  await expect(list.locator("li")).toHaveCount(1);
  await expect(list.locator("li").first()).toContainText(`Extra ${unique}`);
  await expect(list.locator("mark").first()).toHaveText(unique);

  await page.getByLabel("Search decks").fill("");
  await page.getByLabel("Tag").selectOption(unique);
  await expect(list.locator("li")).toHaveCount(1);
  await page.getByLabel("Tag").selectOption("");
  await page.getByLabel("Search decks").fill("SCS Community Call");
  await expect(page.locator(".library-count")).toContainText(`${names.length} decks match`);

  // Pin one: it comes first, even sorted by title.
  await page.getByLabel("Search decks").fill("");
  await page.getByLabel("Sort").selectOption("title");
  await list.locator("li", { hasText: `Extra ${unique}` }).getByRole("button", { name: /^Pin / }).click();
  await expect(list.locator("li").first()).toContainText(`Extra ${unique}`);
});
