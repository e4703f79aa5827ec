import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export async function createDeck(request: APIRequestContext, markdown: string): Promise<string> {
  const response = await request.post("/api/decks", { data: { markdown } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The deck's text as this page's live document has it. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { podiumSession: { text: { toString(): string } } }).podiumSession.text.toString());
}

export async function openEditor(page: Page, deckId: string): Promise<void> {
  await page.goto(`/d/${deckId}`);
  await expect(page.getByTestId("connection-status")).toHaveText("Connected");
  await expect(page.locator(".cm-content")).toBeVisible();
}

export async function setUserName(page: Page, name: string): Promise<void> {
  const field = page.getByLabel("Your name");
  await field.fill(name);
  await field.press("Enter");
}
