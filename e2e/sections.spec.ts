// Sections with owners in a real browser: a team lead claims their section in the outline while
// the moderator watches the readiness summary change, finds it under "My sections", and after
// "End call" the deck is read-only for the team lead.
import { expect, test } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { createDeck, openEditor } from "./support/decks";

const DECK = `---
title: Community Call
type: slide
---

# Community Call

---

<!-- .slide: data-status="todo" -->
# Team IaaS

Report by IaaS

---

<!-- .slide: data-status="todo" -->
# Team Container

Report by Container

---

<!-- .slide: data-status="todo" -->
# Team Ops

Report by Ops
`;

test("a team lead claims a section in the outline, sees it under My sections; End call locks the deck", async ({ browser }) => {
  const moderatorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await signedInContext(moderatorContext, "Moderator");
  const deckId = await createDeck(moderatorContext.request, DECK);
  const moderator = await moderatorContext.newPage();
  await openEditor(moderator, deckId);

  const leadContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await signedInContext(leadContext, "Lena Lead");
  const lead = await leadContext.newPage();
  await openEditor(lead, deckId);

  const summary = (page: typeof lead) => page.getByTestId("readiness-summary");
  await expect(summary(lead)).toHaveText("0 of 3 sections ready; Team IaaS, Team Container and Team Ops have no owner");

  // The moderator is writing in Team Ops: the lead's outline shows who is there right now.
  await moderator.locator(".cm-content").getByText("Report by Ops").click();
  const opsRow = lead.locator('[data-testid="section-row"][data-section="3"]');
  await expect(opsRow.getByTestId("section-writers")).toHaveText("✎ Moderator writing");

  await lead.getByRole("button", { name: "Claim Team Container" }).click();
  const containerRow = lead.locator('[data-testid="section-row"][data-section="2"]');
  await expect(containerRow.getByTestId("section-owner")).toHaveText("Lena Lead (me)");
  await expect(containerRow.getByTestId("section-status")).toHaveText("writing");
  await expect(summary(moderator)).toHaveText("0 of 3 sections ready; Team IaaS and Team Ops have no owner");

  await lead.getByLabel("Status of Team Container").selectOption("ready");
  await expect(summary(moderator)).toHaveText("1 of 3 sections ready; Team IaaS and Team Ops have no owner");
  // Stored as a HedgeDoc attribute comment on the section, naming the account by id, not by address.
  await expect(lead.locator(".cm-content")).toContainText('<!-- .slide: data-status="ready" data-owner="');
  await expect(lead.locator(".cm-content")).toContainText('data-owner-name="Lena Lead"');
  await expect(lead.locator(".cm-content")).not.toContainText("@podium.test");
  await lead.screenshot({ path: test.info().outputPath("sections-outline.png") });

  await lead.goto("/sections");
  const mine = lead.getByTestId("my-section");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("Team Container");
  await expect(mine).toContainText("Community Call");
  await expect(mine).toContainText("ready");
  await lead.screenshot({ path: test.info().outputPath("my-sections.png") });
  await mine.getByRole("link", { name: "Team Container" }).click();
  await expect(lead.getByTestId("connection-status")).toHaveText("Connected");

  // End call: the moderator (the deck's owner) locks it; the lead's open editor becomes read-only.
  moderator.once("dialog", (dialog) => void dialog.accept());
  await moderator.getByRole("button", { name: "End call" }).click();
  await expect(moderator.getByTestId("deck-locked")).toBeVisible();
  await expect(moderator.getByRole("button", { name: "Unlock" })).toBeVisible();
  await expect(lead.locator(".cm-content")).toHaveAttribute("contenteditable", "false");
  await expect(lead.getByRole("button", { name: "Claim Team Ops" })).toHaveCount(0);
  await expect(lead.getByTestId("deck-locked")).toBeVisible();
  await lead.reload();
  await expect(lead.getByTestId("deck-locked")).toBeVisible();
  await expect(lead.getByRole("button", { name: "End call" })).toHaveCount(0);
  await moderator.screenshot({ path: test.info().outputPath("end-call-moderator.png") });
  await lead.screenshot({ path: test.info().outputPath("end-call-lead.png") });
});
