// The slideshow at /d/<id>/slides: reveal.js in a sandboxed frame from the same renderer as the
// preview, with the position in the URL hash, the speaker view, live edits and follow mode.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { JSDOM } from "jsdom";
import { createHtmlSanitizer, renderDeck } from "../core/render";
import { E2E_ORIGIN, signedInContext } from "./support/auth";
import { createDeck } from "./support/decks";
import { focusDeck, ownDeck, presentSlide, slideshowFrame } from "./support/deck-frame";

const FIXTURES = path.resolve(import.meta.dirname, "../../shared/fixtures/decks");

const DECK = `---
title: Community call
type: slide
slideOptions:
  theme: sky
  dependencies:
    - src: "https://evil.example/plugin.js"
---

# Welcome

---

# Team IaaS

note: Say hello to the IaaS team

----

## IaaS details

---

# Team Ops

---

# Thanks
`;

async function openSlides(page: Page, deckId: string, suffix = ""): Promise<void> {
  await page.goto(`/d/${deckId}/slides${suffix}`);
  await expect(presentSlide(slideshowFrame(page))).toBeVisible();
}

const hash = (page: Page) => new URL(page.url()).hash;

test("every fixture deck shows as many sections as the renderer makes, in the white theme", async ({ browser }) => {
  const context = await browser.newContext();
  const sanitizer = createHtmlSanitizer(new JSDOM("").window);
  const page = await context.newPage();
  let first = true;
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith(".md"))) {
    const markdown = readFileSync(path.join(FIXTURES, file), "utf8");
    const deck = renderDeck(markdown, { sanitizer }, "slides"); // the slideshow presents any note as slides
    const expected = deck.slides.reduce((count, stack) => count + (stack.verticals.length === 1 ? 1 : 1 + stack.verticals.length), 0);
    const deckId = first ? await ownDeck(context, markdown) : await createDeck(context.request, markdown);
    first = false;
    await openSlides(page, deckId);
    const frame = slideshowFrame(page);
    await expect(frame.locator(".slides section"), file).toHaveCount(expected);
    await expect(frame.locator("#deck-theme")).toHaveAttribute("href", "/vendor/reveal/theme/white.css");
  }
});

test("arrow keys move and update the hash, a reload keeps the slide, the overview opens; theme and forbidden options", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  const loaded: string[] = [];
  page.on("request", (request) => loaded.push(request.url()));
  await openSlides(page, deckId);
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");

  // The theme from slideOptions; `dependencies` loads nothing.
  await expect(frame.locator("#deck-theme")).toHaveAttribute("href", "/vendor/reveal/theme/sky.css");
  expect(loaded.filter((url) => url.includes("evil.example"))).toEqual([]);

  await focusDeck(frame);
  await page.keyboard.press("ArrowRight");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
  await expect.poll(() => hash(page)).toBe("#/1");
  await page.keyboard.press("ArrowDown");
  await expect(presentSlide(frame).locator("h2")).toHaveText("IaaS details");
  await expect.poll(() => hash(page)).toBe("#/1/1");

  await page.reload();
  await expect(presentSlide(slideshowFrame(page)).locator("h2")).toHaveText("IaaS details");
  expect(hash(page)).toBe("#/1/1");

  await focusDeck(slideshowFrame(page));
  await page.keyboard.press("Escape");
  await expect(slideshowFrame(page).locator(".reveal.overview")).toBeVisible();
  await page.keyboard.press("o");
  await expect(slideshowFrame(page).locator(".reveal.overview")).toHaveCount(0);

  // A shared link opens on its slide.
  const other = await context.newPage();
  await other.goto(`/d/${deckId}/slides#/2`);
  await expect(presentSlide(slideshowFrame(other)).locator("h1")).toHaveText("Team Ops");
});

test("notes stay off the slide and show in the speaker view, which follows the slideshow both ways", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await openSlides(page, deckId, "#/1");
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
  await expect(presentSlide(frame).locator("aside.notes")).toBeHidden();

  await focusDeck(frame);
  const [speaker] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("s")]);
  await expect(speaker.getByTestId("speaker-position")).toHaveText("Slide 2");
  await expect(speaker.frameLocator('[data-testid="speaker-notes"]').locator(".notes-view")).toContainText("Say hello to the IaaS team");
  await expect(presentSlide(speaker.frameLocator('[data-testid="speaker-current"]')).locator("h1")).toHaveText("Team IaaS");
  await expect(presentSlide(speaker.frameLocator('[data-testid="speaker-next"]')).locator("h2")).toHaveText("IaaS details");
  await expect(speaker.getByTestId("speaker-elapsed")).toHaveText(/^00:00:0\d$/);

  // The slideshow moves: the speaker view follows.
  await focusDeck(frame);
  await page.keyboard.press("ArrowRight");
  await expect(speaker.getByTestId("speaker-position")).toHaveText("Slide 3");
  await expect(presentSlide(speaker.frameLocator('[data-testid="speaker-current"]')).locator("h1")).toHaveText("Team Ops");
  await expect(speaker.frameLocator('[data-testid="speaker-notes"]').locator(".notes-view")).toHaveText("");

  // The speaker view steers: the slideshow follows.
  await speaker.getByRole("button", { name: "Next" }).click();
  await expect(presentSlide(frame).locator("h1")).toHaveText("Thanks");
  await expect.poll(() => hash(page)).toBe("#/3");
});

test("an edit through the API shows on the current slide while the position stays", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await openSlides(page, deckId, "#/2");
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team Ops");

  const put = (markdown: string) =>
    context.request.put(`/api/decks/${deckId}/markdown`, { data: markdown, headers: { "content-type": "text/markdown", origin: E2E_ORIGIN } });
  expect((await put(DECK.replace("# Team Ops", "# Team Ops\n\nRelease 8 is out"))).status()).toBe(204);
  await expect(presentSlide(frame)).toContainText("Release 8 is out", { timeout: 2_000 });
  expect(hash(page)).toBe("#/2");

  // A slide added before the current one does not move the presenter off it.
  expect((await put(DECK.replace("# Team Ops", "# Team Ops\n\nRelease 8 is out").replace("# Welcome", "# Welcome\n\n---\n\n# Agenda"))).status()).toBe(204);
  await expect(frame.locator(".slides > section")).toHaveCount(5);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team Ops");
  await expect.poll(() => hash(page)).toBe("#/3");
});

test("followers move with the presenter's broadcast, can step away and rejoin; readers cannot broadcast", async ({ browser }) => {
  const presenterContext = await browser.newContext();
  const deckId = await ownDeck(presenterContext, DECK);
  const shared = await presenterContext.request.patch(`/api/decks/${deckId}/access`, { data: { guestAccess: "read" }, headers: { origin: E2E_ORIGIN } });
  expect(shared.ok(), await shared.text()).toBe(true);

  const presenter = await presenterContext.newPage();
  await openSlides(presenter, deckId);
  const follower = await (await browser.newContext()).newPage();
  await openSlides(follower, deckId, "?follow");
  await expect(follower.getByTestId("follow-status")).toHaveText("Waiting for the presenter to broadcast…");
  // A guest may read but not present: no broadcast button, and a forged "present" on the
  // presenter channel closes that guest's connection, nobody else's.
  await expect(follower.getByRole("button", { name: "Broadcast" })).toHaveCount(0);
  const mallory = await (await browser.newContext()).newPage();
  await openSlides(mallory, deckId);
  const closed = await mallory.evaluate(async () => {
    const reader = (window as unknown as { podiumReader: { provider: { ws: WebSocket } } }).podiumReader;
    const socket = reader.provider.ws;
    const json = new TextEncoder().encode(JSON.stringify({ type: "present", position: { h: 3, v: 0 } }));
    const reason = new Promise<string>((resolve) => socket.addEventListener("close", (event) => resolve(`${event.code} ${event.reason}`)));
    socket.send(new Uint8Array([101, json.length, ...json]));
    return reason;
  });
  expect(closed).toBe("1008 Read-only: only people who may edit this deck can present or steer it.");

  await presenter.getByRole("button", { name: "Broadcast" }).click({ force: true });
  await expect(presenter.getByTestId("broadcasting")).toBeVisible();
  await expect(follower.getByTestId("follow-status")).toHaveText("Following Presenter");
  const followerFrame = slideshowFrame(follower);
  await expect(presentSlide(followerFrame).locator("h1")).toHaveText("Welcome");

  const steps = [{ key: "ArrowRight", h1: "Team IaaS" }, { key: "ArrowDown", h2: "IaaS details" }, { key: "ArrowRight", h1: "Team Ops" }];
  for (const step of steps) {
    await presenter.keyboard.press(step.key);
    if (step.h1) await expect(presentSlide(followerFrame).locator("h1")).toHaveText(step.h1);
    else await expect(presentSlide(followerFrame).locator("h2")).toHaveText(step.h2!);
  }
  await expect.poll(() => hash(follower)).toBe("#/2");

  // Stepping away, then rejoining.
  await focusDeck(followerFrame);
  await follower.keyboard.press("ArrowLeft");
  await expect(follower.getByTestId("follow-status")).toContainText("You left Presenter's slide");
  await presenter.keyboard.press("ArrowRight");
  await expect.poll(() => hash(presenter)).toBe("#/3");
  await follower.waitForTimeout(500);
  await expect(presentSlide(followerFrame)).not.toContainText("Thanks");
  await follower.getByRole("button", { name: "Rejoin" }).click();
  await expect(presentSlide(followerFrame).locator("h1")).toHaveText("Thanks");
  await expect(follower.getByTestId("follow-status")).toHaveText("Following Presenter");
});

test("Start presenting, then the keys work at once: arrows, clicker keys, black screen, Home/End, also from the toolbar", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const editor = await context.newPage();
  await editor.goto(`/d/${deckId}`);
  const [page] = await Promise.all([context.waitForEvent("page"), editor.getByTestId("start-presenting").click()]);
  const frame = slideshowFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");

  // No click into the slides: the frame has the keyboard.
  await page.keyboard.press("ArrowRight");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
  await page.keyboard.press("PageDown");
  await expect(presentSlide(frame).locator("h2")).toHaveText("IaaS details");
  await page.keyboard.press("PageUp");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");

  // Focus on the toolbar: the keys are forwarded into the frame.
  await page.getByRole("button", { name: "Print / PDF" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team Ops");
  await page.keyboard.press("End");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Thanks");
  await page.keyboard.press("Home");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Welcome");
  await page.keyboard.press("b");
  await expect(frame.locator(".reveal.paused")).toHaveCount(1);
  await page.keyboard.press(".");
  await expect(frame.locator(".reveal.paused")).toHaveCount(0);
  await page.keyboard.press("o");
  await expect(frame.locator(".reveal.overview")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(frame.locator(".reveal.overview")).toHaveCount(0);

  // After a control is used, the keyboard is back in the slides.
  await page.getByLabel(/notes/i).check({ force: true });
  await expect(page.locator('[data-testid="deck-frame-slideshow"]')).toBeFocused();
  await page.keyboard.press("Space");
  await expect(presentSlide(frame).locator("h1")).toHaveText("Team IaaS");
});

test("a hand-over moves three followers to the new presenter, who drives with the keys at once", async ({ browser }) => {
  // Five slideshows in one browser: slow on a shared two-core machine.
  test.setTimeout(150_000);
  const aliceContext = await browser.newContext();
  const deckId = await ownDeck(aliceContext, DECK, "Alice");
  const shared = await aliceContext.request.patch(`/api/decks/${deckId}/access`, { data: { guestAccess: "read" }, headers: { origin: E2E_ORIGIN } });
  expect(shared.ok(), await shared.text()).toBe(true);
  const alice = await aliceContext.newPage();
  await openSlides(alice, deckId);
  await alice.getByRole("button", { name: "Broadcast" }).click({ force: true });
  await expect(alice.getByTestId("broadcasting")).toBeVisible();

  const guests = await browser.newContext();
  const followers = [await guests.newPage(), await guests.newPage(), await guests.newPage()];
  for (const follower of followers) {
    await openSlides(follower, deckId, "?follow");
    await expect(follower.getByTestId("follow-status")).toHaveText("Following Alice");
  }
  const bobContext = await browser.newContext();
  await signedInContext(bobContext, "Bob");
  const bob = await bobContext.newPage();
  await openSlides(bob, deckId);
  await expect(bob.getByTestId("follow-status")).toHaveText("Following Alice");
  await expect(bob.getByRole("button", { name: "Ask to present" })).toBeAttached();

  await alice.getByLabel("Hand over to").selectOption({ label: "Bob" });
  await expect(bob.getByTestId("broadcasting")).toBeVisible();
  await expect(alice.getByTestId("follow-status")).toHaveText("Following Bob");
  for (const follower of followers) await expect(follower.getByTestId("follow-status")).toHaveText("Following Bob");

  await bob.keyboard.press("ArrowRight");
  for (const follower of followers) await expect(presentSlide(slideshowFrame(follower)).locator("h1")).toHaveText("Team IaaS");
  await expect(presentSlide(slideshowFrame(alice)).locator("h1")).toHaveText("Team IaaS");

  // Alice asks for the deck back, and Bob accepts.
  await alice.getByRole("button", { name: "Ask to present" }).click({ force: true });
  await expect(bob.getByTestId("hand-over-request")).toContainText("Alice asks to present.");
  await bob.getByTestId("hand-over-request").getByRole("button", { name: "Hand over" }).click();
  await expect(alice.getByTestId("broadcasting")).toBeVisible();
  await alice.keyboard.press("ArrowDown");
  for (const follower of followers) await expect(presentSlide(slideshowFrame(follower)).locator("h2")).toHaveText("IaaS details");
});

test("Print / PDF lays the deck out one slide per page, notes below when asked", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, DECK);
  const page = await context.newPage();
  await openSlides(page, deckId);
  await page.getByLabel(/notes/i).check();
  const [print] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Print / PDF" }).click()]);
  expect(new URL(print.url()).search).toBe("?print-pdf");
  // Four horizontal slides, one of them a stack of two: five pages.
  await expect(print.locator(".pdf-page")).toHaveCount(5);
  // reveal.js prints the notes in a box of their own below the slide (the aside stays hidden).
  await expect(print.locator(".pdf-page").nth(1).locator(".speaker-notes")).toHaveText("Say hello to the IaaS team");
  await expect(print.locator(".pdf-page").nth(0).locator(".speaker-notes")).toHaveCount(0);
  const pdf = await print.pdf({ width: "960px", height: "700px" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
