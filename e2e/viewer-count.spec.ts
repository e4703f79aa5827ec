// Read-only viewers are counted, not shown one by one: the editor's presence bar shows the people
// who may edit as avatars and everybody else as "+ N watching" (server/sync/presence.ts).
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN } from "./support/auth";
import { ownDeck } from "./support/deck-frame";
import { openEditor } from "./support/decks";

test("the writer sees read-only guests as a count, and a guest sees the writer and the others watching", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const deckId = await ownDeck(ownerContext, "# Weekly call\n");
  const shared = await ownerContext.request.patch(`/api/decks/${deckId}/access`, { data: { guestAccess: "read" }, headers: { origin: E2E_ORIGIN } });
  expect(shared.ok(), await shared.text()).toBe(true);
  const owner = await ownerContext.newPage();
  await openEditor(owner, deckId);

  const guests = [];
  for (let index = 0; index < 3; index++) {
    const page = await (await browser.newContext()).newPage();
    await openEditor(page, deckId);
    guests.push(page);
  }

  await expect(owner.getByTestId("presence-watching")).toHaveText("+ 3 watching");
  await expect(owner.getByTestId("presence-person")).toHaveCount(1);
  // A guest sees itself and the owner; the other two guests are the ones watching.
  await expect(guests[0]!.getByTestId("presence-watching")).toHaveText("+ 2 watching");
  await expect(guests[0]!.getByTestId("presence-person")).toHaveCount(2);
  await owner.screenshot({ path: "test-results/viewer-count.png", clip: { x: 0, y: 0, width: 900, height: 60 } });

  await guests[2]!.context().close();
  await expect(owner.getByTestId("presence-watching")).toHaveText("+ 2 watching");
});
