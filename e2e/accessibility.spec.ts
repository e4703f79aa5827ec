// Every page passes axe-core with no serious or critical violation: the library, the editor, the
// slideshow, the speaker view, the remote, settings, the admin pages, sign-in, sign-up, an
// invitation and a page that does not exist. The deck frame's own document (the deck's HTML) is
// the deck author's; axe checks the app around it, frame included as an element (its title).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ORIGIN, signInThroughPage } from "./support/auth";
import { ownDeck, presentSlide, previewFrame, slideshowFrame } from "./support/deck-frame";

const ADMIN = { name: "Admin", email: "admin@podium.test", password: "e2e admin password" };

const DECK = `---
title: Accessible deck
type: slide
---

# Welcome

note: Good morning everyone

---

## Second slide

- one
- two
`;

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  // The sandboxed deck frames hold the deck's own markup (author content, themes): excluded.
  const results = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const summary = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join("\n  ")}`);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  expect(summary, `${name}: axe found serious or critical violations`).toEqual([]);
}

test("sign-in, sign-up and a page that does not exist", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in");
  await page.goto("/sign-up");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-up");
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expectNoSeriousViolations(page, "not-found");
});

test("library, editor, slideshow, speaker view, remote and settings", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK, "Reader");
  const page = await context.newPage();

  await page.goto("/");
  await expect(page.getByRole("link", { name: /Accessible deck/ }).first()).toBeVisible();
  await expectNoSeriousViolations(page, "library");

  await page.goto(`/d/${deckId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(presentSlide(previewFrame(page)).locator("h1")).toHaveText("Welcome");
  await expectNoSeriousViolations(page, "editor");
  // The dark theme (the system's, by default) has contrasts of its own; the share dialog, its form.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page, "editor-dark-share");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto(`/d/${deckId}/slides`);
  await expect(presentSlide(slideshowFrame(page)).locator("h1")).toHaveText("Welcome");
  await expectNoSeriousViolations(page, "slideshow");

  const [speaker] = await Promise.all([context.waitForEvent("page"), slideshowFrame(page).locator(".reveal").press("s")]);
  await expect(speaker.getByTestId("speaker-position")).toHaveText("Slide 1");
  await expectNoSeriousViolations(speaker, "speaker-view");
  await speaker.close();

  await page.getByRole("button", { name: "Control from another device" }).click({ force: true });
  const link = (await page.getByTestId("remote-pairing").getByTestId("remote-link").getAttribute("href"))!;
  await expectNoSeriousViolations(page, "remote-pairing");
  const phone = await (await browser.newContext({ viewport: { width: 393, height: 727 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(link);
  await expect(phone.getByTestId("remote-status")).toContainText("Steering");
  await expectNoSeriousViolations(phone, "remote");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, "settings");
});

test("admin users, archive and an invitation", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInThroughPage(admin, ADMIN, "/admin");
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByRole("form", { name: "New invitation" })).toBeVisible();
  await expectNoSeriousViolations(admin, "admin");

  await admin.goto("/admin/archive");
  await expect(admin.getByRole("heading", { name: "Archive", exact: true })).toBeVisible();
  await expectNoSeriousViolations(admin, "archive");

  const created = await admin.request.post("/api/admin/invitations", { data: { maxUses: 1 }, headers: { origin: E2E_ORIGIN } });
  expect(created.status()).toBe(201);
  const { path } = (await created.json()) as { path: string };
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(path);
  await expect(newcomer.getByRole("heading", { name: "You are invited to Podium" })).toBeVisible();
  await expectNoSeriousViolations(newcomer, "invite");
});
