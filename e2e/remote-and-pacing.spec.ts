// A phone as the presenter's remote, through the server (a second browser context on a phone
// viewport, paired with the QR link), a forged or used pairing code refused, and the speaker
// view's pacing showing a section running over its budget.
import { devices, expect, test } from "@playwright/test";
import { ownDeck, presentSlide, slideshowFrame } from "./support/deck-frame";

const DECK = `---
title: Community call
type: slide
---

# Welcome

note: Good morning everyone

---

<!-- .slide: data-timing="1" -->
# Team IaaS

----

## IaaS details

---

# Thanks
`;

const phone = { ...devices["Pixel 5"], defaultBrowserType: undefined };

test("a phone paired with the QR link drives the slideshow through the server; a forged or used code is refused", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");

  await page.getByRole("button", { name: "Control from another device" }).click({ force: true });
  const dialog = page.getByTestId("remote-pairing");
  await expect(dialog.getByTestId("remote-qr").locator("svg")).toBeVisible();
  // Pairing starts presenting: the phone steers this slideshow.
  await expect(page.getByTestId("broadcasting")).toBeVisible();
  const link = (await dialog.getByTestId("remote-link").getAttribute("href"))!;
  expect(new URL(link).pathname).toBe(`/d/${deckId}/remote`);
  await page.screenshot({ path: testInfo.outputPath("pairing.png") });

  // The phone has no session: only the code lets it in.
  const phoneContext = await browser.newContext(phone);
  const remote = await phoneContext.newPage();
  await remote.goto(link);
  await expect(remote.getByTestId("remote-status")).toHaveText("Steering Presenter's slideshow — slide 1");
  expect(new URL(remote.url()).search).toBe("");
  await expect(remote.frameLocator('[data-testid="remote-notes"]').locator(".notes-view")).toContainText("Good morning everyone");
  await remote.getByRole("button", { name: "Next ›" }).tap();
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
  await expect(remote.getByTestId("remote-status")).toHaveText("Steering Presenter's slideshow — slide 2");
  await expect(presentSlide(remote.frameLocator('[data-testid="remote-current"]')).locator("h1")).toHaveText("Team IaaS");
  await expect(presentSlide(remote.frameLocator('[data-testid="remote-next"]')).locator("h2")).toHaveText("IaaS details");
  await remote.getByRole("button", { name: "‹ Previous" }).tap();
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");
  await remote.screenshot({ path: testInfo.outputPath("remote.png") });

  // The same link again (another phone): the code worked once.
  const second = await (await browser.newContext(phone)).newPage();
  await second.goto(link);
  await expect(second.getByTestId("remote-error")).toContainText("already used");
  // A made-up code.
  await second.goto(`/d/${deckId}/remote?pair=AAAA-BBBB-CCCC`);
  await expect(second.getByTestId("remote-error")).toContainText("unknown");

  // Revoking disconnects the phone.
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(remote.locator(".slideshow-message")).toContainText("This device's pairing was revoked.");
});

test("the speaker view shows a section running over its budget, and the call behind", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides#/1`);
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
  const [speaker] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
  await speaker.setViewportSize({ width: 1100, height: 700 });
  // Section 2 has a budget of one second (its first slide's data-timing).
  const section = speaker.getByTestId("pacing-section");
  await expect(section).toContainText("Section 2:");
  await expect(section).toContainText("of 0:01");
  await expect(section).toHaveAttribute("data-over", "true", { timeout: 5_000 });
  await expect(section).toContainText("over by");
  await expect(speaker.getByTestId("pacing-total")).toContainText("Behind");
  await speaker.screenshot({ path: testInfo.outputPath("speaker-pacing.png") });
});

test("the editor's outline shows each section's budget and their sum", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK.replace("type: slide", "type: slide\nslideOptions:\n  defaultTiming: 120"));
  const page = await context.newPage();
  await page.goto(`/d/${deckId}`);
  const outline = page.getByTestId("deck-outline");
  // 120 s by default, 1 s for Team IaaS (its first slide's data-timing), 120 s for Thanks.
  await expect(outline.getByTestId("outline-budget")).toHaveText(["2:00", "0:01", "2:00"]);
  await expect(outline.getByTestId("outline-budget-total")).toHaveText("4:01");
  await outline.screenshot({ path: testInfo.outputPath("outline.png") });
});
