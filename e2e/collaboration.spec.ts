import { expect, test } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { createDeck, editorText, openEditor } from "./support/decks";

test("two people type in one deck at once, see each other's cursor, and the text survives a reload", async ({ browser }) => {
  // Signed-in members: their cursors carry their account names.
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await signedInContext(aliceContext, "Alice");
  await signedInContext(bobContext, "Bob");
  const deckId = await createDeck(aliceContext.request, "# Community call\n\n");
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await openEditor(alice, deckId);
  await openEditor(bob, deckId);

  await alice.locator(".cm-content").click();
  await alice.keyboard.press("Control+End");
  await bob.locator(".cm-content").click();
  await bob.keyboard.press("Control+Home");

  await Promise.all([
    alice.keyboard.type("Team IaaS reports: RC for R7.", { delay: 15 }),
    bob.keyboard.type("Welcome! ", { delay: 25 }),
  ]);

  await expect.poll(async () => (await editorText(alice)) === (await editorText(bob))).toBe(true);
  const text = await editorText(alice);
  expect(text).toContain("Team IaaS reports: RC for R7.");
  expect(text).toContain("Welcome! ");

  // Each sees the other's cursor, labelled with the other's name.
  await expect(alice.locator(".cm-ySelectionInfo", { hasText: "Bob" })).toBeVisible();
  await expect(bob.locator(".cm-ySelectionInfo", { hasText: "Alice" })).toBeVisible();

  await alice.reload();
  await expect(alice.getByTestId("connection-status")).toHaveText("Connected");
  await expect.poll(() => editorText(alice)).toBe(text);
  await expect(alice.locator(".cm-content")).toContainText("Team IaaS reports: RC for R7.");
});

test("the library lists decks and creates a new one", async ({ browser }) => {
  const context = await browser.newContext();
  await signedInContext(context, "Librarian");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Podium" })).toBeVisible();
  await page.getByRole("button", { name: "New deck" }).click();
  await expect(page).toHaveURL(/\/d\/[a-z0-9]+$/);
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.locator(".cm-content")).toContainText("Untitled deck");
  await page.goto("/");
  await expect(page.getByRole("link", { name: /Untitled deck/ }).first()).toBeVisible();
});

test("the status shows reconnecting while offline, and edits made then arrive afterwards", async ({ browser }) => {
  const writerContext = await browser.newContext();
  const readerContext = await browser.newContext();
  await signedInContext(writerContext, "Writer");
  await signedInContext(readerContext, "Reader");
  const deckId = await createDeck(writerContext.request, "start\n");
  const writer = await writerContext.newPage();
  const reader = await readerContext.newPage();
  await openEditor(writer, deckId);
  await openEditor(reader, deckId);

  await writerContext.setOffline(true);
  await writer.evaluate(() => {
    // Closing the socket as a dropped network would; the provider then retries (and fails while offline).
    (window as unknown as { podiumSession: { provider: { ws: WebSocket | null } } }).podiumSession.provider.ws?.close();
  });
  await expect(writer.getByTestId("connection-status")).not.toHaveText("Connected");
  await writer.locator(".cm-content").click();
  await writer.keyboard.press("Control+End");
  await writer.keyboard.type("typed while offline");
  await writerContext.setOffline(false);

  await expect(writer.getByTestId("connection-status")).toHaveText("Connected", { timeout: 15_000 });
  await expect.poll(() => editorText(reader), { timeout: 15_000 }).toBe("start\ntyped while offline");
});
