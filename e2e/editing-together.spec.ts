// Editing one deck together before the call: presence and the outline, offline edits that
// survive a reload, undo of my own changes only, and the markdown tools.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { editorText, openEditor, setUserName } from "./support/decks";
import { createSharedDeck } from "./support/shared-deck";

const DECK = `---
title: Weekly community call
type: slide
---

# Weekly community call

---

# IaaS

----

## IaaS details

---

# Ops

---

# Docs
`;

async function person(browser: Browser, deckId: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openEditor(page, deckId);
  await setUserName(page, name);
  return { context, page };
}

/** Number of updates y-indexeddb holds for the deck in this browser. */
function keptUpdates(page: Page, deckId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("updates").objectStore("updates").count();
          count.onerror = () => reject(count.error);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    `podium-deck-${deckId}`,
  );
}

const outlineSlide = (page: Page, slide: string) => page.locator(`[data-testid="outline-slide"][data-slide="${slide}"]`);

test("three people edit three slides at once; the outline shows each on their slide and all copies end identical", async ({ browser, request }) => {
  const deckId = await createSharedDeck(request, DECK);
  const people = [
    { ...(await person(browser, deckId, "Alice Adams")), slide: "1.0", words: "IaaS: RC for R7 is out." },
    { ...(await person(browser, deckId, "Bob Brown")), slide: "2.0", words: "Ops: status page live." },
    { ...(await person(browser, deckId, "Carol Chen")), slide: "3.0", words: "Docs: new tutorial." },
  ];
  const [alice, bob, carol] = people;

  await expect(alice!.page.getByTestId("presence-person")).toHaveCount(3);
  await expect(alice!.page.getByTestId("deck-outline")).toContainText("IaaS details");
  await expect(outlineSlide(alice!.page, "1.1")).toContainText("2.2");

  // Each jumps to their slide from the outline and writes under its heading.
  for (const { page, slide } of people) {
    await outlineSlide(page, slide).click();
    await expect(outlineSlide(page, slide)).toHaveAttribute("aria-current", "location");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
  }
  for (let round = 0; round < 3; round++) {
    await Promise.all(people.map(({ page, words }) => page.keyboard.type(`${words} `, { delay: 20 })));
    // While they type, everyone sees the other two on their slides.
    for (const viewer of people) {
      for (const other of people.filter((p) => p !== viewer)) {
        const name = other === alice ? "Alice Adams" : other === bob ? "Bob Brown" : "Carol Chen";
        await expect(outlineSlide(viewer.page, other.slide).getByTestId("outline-people").getByRole("img", { name })).toBeVisible();
      }
    }
  }

  await expect.poll(async () => new Set(await Promise.all(people.map(({ page }) => editorText(page)))).size, { timeout: 15_000 }).toBe(1);
  const final = await editorText(alice!.page);
  for (const { words } of people) expect(final).toContain(`${words} ${words} ${words} `);
  expect(final).toMatch(/# IaaS\n(IaaS: RC for R7 is out\. ){3}\n/);
  expect(final).toMatch(/# Ops\n(Ops: status page live\. ){3}\n/);
  expect(final).toMatch(/# Docs\n(Docs: new tutorial\. ){3}/);
  // Remote cursors carry names.
  await expect(carol!.page.locator(".cm-ySelectionInfo", { hasText: "Alice Adams" })).toBeVisible();
  for (const { page } of people) await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
});

test("edits made offline survive a reload while still offline and reach the others once back online", async ({ browser, request }) => {
  const deckId = await createSharedDeck(request, "# Agenda\n");
  const writer = await person(browser, deckId, "Offline Olga");
  const reader = await person(browser, deckId, "Reader Rita");
  // The offline shell (service worker) must hold the page before the network goes.
  await writer.page.waitForFunction(async () => Boolean(navigator.serviceWorker.controller && (await caches.match(location.pathname))));

  await writer.context.setOffline(true);
  await writer.page.evaluate(() => {
    (window as unknown as { podiumSession: { provider: { ws: WebSocket | null } } }).podiumSession.provider.ws?.close();
  });
  await expect(writer.page.getByTestId("connection-status")).not.toHaveText("Connected");
  const keptBefore = await keptUpdates(writer.page, deckId);
  await writer.page.locator(".cm-content").click();
  await writer.page.keyboard.press("Control+End");
  await writer.page.keyboard.type("\nwritten on the train");
  // Each keystroke is its own IndexedDB write; let them land before the tab goes away.
  await expect.poll(() => keptUpdates(writer.page, deckId)).toBeGreaterThanOrEqual(keptBefore + "\nwritten on the train".length);
  await expect(writer.page.getByTestId("save-status")).toHaveText(/^Offline — \d+ changes kept$/);
  expect(await editorText(writer.page)).toBe("# Agenda\n\nwritten on the train");

  // Leaving with unsaved changes asks first; this test accepts and reloads, still offline.
  const dialogs: string[] = [];
  writer.page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  const reloaded = await writer.page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  // The offline shell answered: the network is gone.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(writer.page.locator(".cm-content")).toContainText("written on the train");
  await expect(writer.page.getByTestId("save-status")).toHaveText(/^Offline — \d+ changes kept$/);
  expect(await editorText(reader.page)).toBe("# Agenda\n");

  await writer.context.setOffline(false);
  await expect(writer.page.getByTestId("connection-status")).toHaveText("Connected", { timeout: 20_000 });
  await expect.poll(() => editorText(reader.page), { timeout: 15_000 }).toBe("# Agenda\n\nwritten on the train");
  await expect(writer.page.getByTestId("save-status")).toHaveText("All changes saved");
});

test("undo takes back my own insert and leaves a colleague's text alone", async ({ browser, request }) => {
  const deckId = await createSharedDeck(request, "# Notes\n\n");
  const alice = await person(browser, deckId, "Alice");
  const bob = await person(browser, deckId, "Bob");

  await bob.page.locator(".cm-content").click();
  await bob.page.keyboard.press("Control+End");
  await bob.page.keyboard.type("Bob was here. ");
  await expect.poll(() => editorText(alice.page)).toContain("Bob was here. ");

  await alice.page.locator(".cm-content").click();
  await alice.page.keyboard.press("Control+Home");
  await alice.page.keyboard.type("Alice first! ");
  await expect.poll(() => editorText(bob.page)).toBe("Alice first! # Notes\n\nBob was here. ");
  // Bob types again after Alice: Alice's undo must still skip it.
  await bob.page.keyboard.type("And again.");
  await expect.poll(() => editorText(alice.page)).toBe("Alice first! # Notes\n\nBob was here. And again.");

  await alice.page.keyboard.press("Control+z");
  await expect.poll(() => editorText(bob.page)).toBe("# Notes\n\nBob was here. And again.");
  expect(await editorText(alice.page)).toBe("# Notes\n\nBob was here. And again.");
  await alice.page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => editorText(bob.page)).toBe("Alice first! # Notes\n\nBob was here. And again.");
});

test("toolbar, shortcuts, completion and search and replace", async ({ browser, request }) => {
  const deckId = await createSharedDeck(request, "---\ntype: slide\nslideOptions:\n  \n---\n\n# One\n\nship it\n");
  const { page } = await person(browser, deckId, "Toolbar Tom");
  const content = page.locator(".cm-content");

  // Bold from the toolbar on a selection, italic by shortcut.
  await content.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.getByRole("button", { name: "Bold" }).click();
  await expect.poll(() => editorText(page)).toContain("**ship it**");
  await page.keyboard.press("Control+i");
  await expect.poll(() => editorText(page)).toContain("**_ship it_**");

  // A new slide from its shortcut shows up in the outline.
  await page.keyboard.press("End");
  await page.keyboard.press("Control+Enter");
  await page.keyboard.type("# Two");
  await expect(outlineSlide(page, "1.0")).toContainText("Two");
  await page.getByRole("button", { name: "New vertical slide (----)" }).click();
  await page.keyboard.type("# Two, deeper");
  await expect(outlineSlide(page, "1.1")).toContainText("Two, deeper");

  // Emoji shortcodes complete from the renderer's table.
  await page.keyboard.press("Enter");
  await page.keyboard.type("launch :rock");
  await page.locator(".cm-tooltip-autocomplete li").filter({ has: page.locator(".cm-completionLabel", { hasText: /^🚀\s+rocket$/ }) }).click();
  await expect.poll(() => editorText(page)).toContain("launch :rocket:");

  // slideOptions keys complete in the frontmatter.
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.type("transi");
  await expect(page.locator(".cm-tooltip-autocomplete")).toContainText("transitionSpeed");
  await page.locator(".cm-tooltip-autocomplete li").filter({ has: page.locator(".cm-completionLabel", { hasText: /^transition$/ }) }).click();
  await expect.poll(() => editorText(page)).toContain("slideOptions:\n  transition: \n");

  // Find and replace.
  await page.getByRole("button", { name: "Find and replace" }).click();
  await page.getByRole("textbox", { name: "Find" }).fill("Two");
  await page.getByRole("textbox", { name: "Replace" }).fill("Deux");
  await page.getByRole("button", { name: "replace all" }).click();
  await expect.poll(() => editorText(page)).toContain("# Deux, deeper");
  expect(await editorText(page)).not.toContain("Two");
});
