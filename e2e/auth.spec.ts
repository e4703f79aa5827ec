import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ORIGIN, newAccount, signedInContext, signInThroughPage } from "./support/auth";
import { editorText, openEditor } from "./support/decks";

/** Types into a page's live document directly, as a modified client would: the server must refuse it. */
function forceEdit(page: Page, text: string): Promise<void> {
  return page.evaluate((inserted) => {
    (window as unknown as { podiumSession: { text: { insert(index: number, text: string): void } } }).podiumSession.text.insert(0, inserted);
  }, text);
}

/**
 * Shares the owner's open deck with an address. A `recipient` whose address is not verified yet
 * (they signed up by themselves) gets it only through the pending share's invitation link, which
 * they open and accept in their own browser.
 */
async function shareWith(owner: Page, email: string, level: "Can read" | "Can edit", recipient?: BrowserContext) {
  await owner.getByTestId("share-button").click();
  const dialog = owner.getByRole("dialog", { name: "Share this deck" });
  await dialog.getByLabel("Email of a person to share with").fill(email);
  await dialog.getByLabel("Their access").selectOption({ label: level });
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  if (recipient) {
    await expect(dialog.getByRole("table", { name: "Pending invitations" })).toContainText(level);
    await expect(dialog.getByRole("table", { name: "People with access" })).toHaveCount(0);
    const link = new URL(await dialog.getByLabel(`Invitation link for ${email}`).inputValue());
    await owner.screenshot({ path: test.info().outputPath("share-pending.png") });
    expect(link.origin).toBe(E2E_ORIGIN);
    const page = await recipient.newPage();
    await page.goto(link.pathname);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(page.getByTestId("invitation-accepted")).toBeVisible();
    await page.close();
    await dialog.getByRole("button", { name: "Done" }).click();
    await owner.getByTestId("share-button").click();
    await expect(dialog.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);
  }
  await expect(dialog.getByRole("table", { name: "People with access" })).toContainText(level);
  return dialog;
}

test("sign up, sign in, create a deck and share it read-only: the reader's typing never reaches the owner or the database", async ({ browser }) => {
  const aliceContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  const account = newAccount("Alice");

  // Guests see no decks, only a way in.
  await alice.goto("/");
  await expect(alice.getByRole("list", { name: "Decks" })).toHaveCount(0);
  await alice.getByRole("link", { name: "Create an account" }).click();
  await alice.getByLabel("Name (shown on your cursor)").fill(account.name);
  await alice.getByLabel("Email").fill(account.email);
  await alice.getByLabel("Password (at least 8 characters)").fill(account.password);
  await alice.getByRole("button", { name: "Create account" }).click();
  await expect(alice.getByTestId("account-menu")).toContainText("Alice");

  // Sign out, then sign in again: a wrong password first.
  await alice.getByTestId("account-menu").locator("summary").click();
  await alice.getByRole("button", { name: "Sign out" }).click();
  await expect(alice).toHaveURL(/\/sign-in/);
  await alice.getByLabel("Email").fill(account.email);
  await alice.getByLabel("Password").fill("not my password");
  await alice.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alice.locator(".error-text")).toHaveText("Invalid email or password");
  await signInThroughPage(alice, account);

  await alice.getByRole("button", { name: "New deck" }).click();
  await expect(alice).toHaveURL(/\/d\/[a-z0-9]+$/);
  const deckId = alice.url().split("/").pop()!;
  await expect(alice.getByTestId("connection-status")).toHaveText("Connected");

  const bobContext = await browser.newContext();
  const bobAccount = await signedInContext(bobContext, "Bob");
  const dialog = await shareWith(alice, bobAccount.email, "Can read", bobContext);
  // Other members get nothing: only Bob's grant lets him in.
  await dialog.getByLabel("Signed-in members").selectOption({ label: "No access" });
  await expect(dialog.getByLabel("Signed-in members")).toHaveValue("none");
  await dialog.getByRole("button", { name: "Done" }).click();

  const bob = await bobContext.newPage();
  await openEditor(bob, deckId);
  await expect(bob.getByTestId("read-only-badge")).toContainText("Read only");
  await expect(bob.getByTestId("read-only-badge")).toContainText("You can read this deck but not edit it.");
  await expect(bob.getByTestId("share-button")).toHaveCount(0);
  const before = await editorText(alice);
  await bob.locator(".cm-content").click();
  await bob.keyboard.type("Bob was here");
  await forceEdit(bob, "forced by Bob ");

  // Alice keeps editing; once her edit reaches Bob, his would have reached her.
  await alice.locator(".cm-content").click();
  await alice.keyboard.press("Control+End");
  await alice.keyboard.type("Alice continues");
  await expect.poll(() => editorText(bob)).toContain("Alice continues");
  expect(await editorText(alice)).toBe(`${before}Alice continues`);
  const stored = await aliceContext.request.get(`/api/decks/${deckId}/markdown`);
  expect(await stored.text()).toBe(`${before}Alice continues`);
  expect(await stored.text()).not.toContain("Bob");
});

test("downgrade while connected: the second user's next edit is refused and not stored, and the reason is shown", async ({ browser }) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await signedInContext(aliceContext, "Alice");
  const bobAccount = await signedInContext(bobContext, "Bob");
  const alice = await aliceContext.newPage();
  await alice.goto("/");
  await alice.getByRole("button", { name: "New deck" }).click();
  await expect(alice).toHaveURL(/\/d\/[a-z0-9]+$/);
  const deckId = alice.url().split("/").pop()!;
  await expect(alice.getByTestId("connection-status")).toHaveText("Connected");
  const dialog = await shareWith(alice, bobAccount.email, "Can edit", bobContext);
  await dialog.getByLabel("Signed-in members").selectOption({ label: "No access" });
  await expect(dialog.getByLabel("Signed-in members")).toHaveValue("none");
  await dialog.getByRole("button", { name: "Done" }).click();

  const bob = await bobContext.newPage();
  await openEditor(bob, deckId);
  await expect(bob.getByTestId("read-only-badge")).toHaveCount(0);
  await bob.locator(".cm-content").click();
  await bob.keyboard.press("Control+Home");
  await bob.keyboard.type("Bob edits. ");
  await expect.poll(() => editorText(alice)).toContain("Bob edits. ");

  const again = await shareWith(alice, bobAccount.email, "Can read");
  await expect(bob.getByTestId("read-only-badge")).toContainText("Your access to this deck was changed to read only.");
  await bob.locator(".cm-content").click();
  await bob.keyboard.type("after the downgrade");
  await forceEdit(bob, "forced after the downgrade ");
  await again.getByRole("button", { name: "Done" }).click();
  await alice.locator(".cm-content").click();
  await alice.keyboard.press("Control+End");
  await alice.keyboard.type("Alice ends");
  await expect.poll(() => editorText(bob)).toContain("Alice ends");
  expect(await editorText(alice)).not.toContain("after the downgrade");
  const stored = await (await aliceContext.request.get(`/api/decks/${deckId}/markdown`)).text();
  expect(stored).toContain("Bob edits. ");
  expect(stored).not.toContain("after the downgrade");

  // A revoke closes Bob's editor, with the reason.
  await alice.getByTestId("share-button").click();
  await alice.getByRole("button", { name: `Remove ${bobAccount.email}` }).click();
  await expect(bob.locator(".editor-notice")).toContainText("Your access to this deck was removed.");
});

test("names are shown as text everywhere; the admin page lists and disables users; tokens are made and revoked", async ({ browser }) => {
  const hostileName = `<img src=x onerror=__pwned=1>Eve`;
  const eveContext = await browser.newContext();
  const eve = await signedInContext(eveContext, hostileName);

  const adminPage = await (await browser.newContext()).newPage();
  await signInThroughPage(adminPage, { name: "Admin", email: "admin@podium.test", password: "e2e admin password" }, "/admin");
  await adminPage.goto("/admin");
  const row = adminPage.getByRole("row").filter({ hasText: eve.email });
  await expect(row).toContainText(hostileName);
  await expect(adminPage.locator("img")).toHaveCount(0);

  // Eve opens a deck of the admin's with others present: her name on the cursor is text too.
  const deckId = await (async () => {
    const created = await adminPage.request.post("/api/decks", { data: { markdown: "# Hi\n" }, headers: { origin: E2E_ORIGIN } });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  })();
  const evePage = await eveContext.newPage();
  await openEditor(evePage, deckId);
  await openEditor(adminPage, deckId);
  await evePage.locator(".cm-content").click();
  await evePage.keyboard.press("Control+End");
  await evePage.keyboard.type("Eve was here");
  await expect(adminPage.locator(".cm-ySelectionInfo", { hasText: "Eve" })).toContainText(hostileName);
  expect(await adminPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await evePage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Disabling Eve closes her editor and signs her out.
  await adminPage.goto("/admin");
  await adminPage.getByRole("row").filter({ hasText: eve.email }).getByRole("button", { name: "Disable" }).click();
  await expect(adminPage.getByRole("row").filter({ hasText: eve.email })).toContainText("disabled");
  await expect(evePage.locator(".editor-notice")).toContainText("This account was disabled.");
  await evePage.goto("/");
  await expect(evePage.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  // Personal API tokens: created in the UI, used as a Bearer token, revoked.
  await adminPage.goto("/settings");
  await adminPage.getByLabel("Token name").fill("weekly export");
  await adminPage.getByRole("button", { name: "Create token" }).click();
  const token = await adminPage.getByTestId("new-token").textContent();
  expect(token).toMatch(/^podium_/);
  const api = await (await browser.newContext()).request;
  const withToken = { authorization: `Bearer ${token}` };
  expect((await api.get(`/api/decks/${deckId}/markdown`, { headers: withToken })).status()).toBe(200);
  await adminPage.getByRole("row").filter({ hasText: "weekly export" }).getByRole("button", { name: "Revoke" }).click();
  await expect(adminPage.getByRole("row").filter({ hasText: "weekly export" })).toHaveCount(0);
  expect((await api.get(`/api/decks/${deckId}/markdown`, { headers: withToken })).status()).toBe(401);
});
