// A deck that several browser contexts edit as guests, as a team lead shares it by link: made by
// a freshly signed-up owner (through `request`) who lets guests write.
import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

export async function createSharedDeck(request: APIRequestContext, markdown: string): Promise<string> {
  const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
  const email = `owner-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@podium.test`;
  const signUp = await request.post("/api/auth/sign-up/email", {
    data: { email, password: "correct horse battery", name: "Deck owner" },
    headers: { origin },
  });
  expect(signUp.ok(), await signUp.text()).toBe(true);
  const created = await request.post("/api/decks", { data: { markdown }, headers: { origin } });
  expect(created.status(), await created.text()).toBe(201);
  const deckId = ((await created.json()) as { id: string }).id;
  const shared = await request.patch(`/api/decks/${deckId}/access`, { data: { guestAccess: "write" }, headers: { origin } });
  expect(shared.ok(), await shared.text()).toBe(true);
  return deckId;
}
