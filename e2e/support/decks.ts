import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Creates a deck as the signed-in user of `request` (a browser context's request: its cookies). */
export async function createDeck(request: APIRequestContext, markdown: string): Promise<string> {
  // A cookie-authenticated change must name its origin (CSRF protection).
  const response = await request.post("/api/decks", { data: { markdown }, headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}` } });
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
