// Accounts for browser tests: sign up through better-auth's endpoint from a browser context, so
// the context's pages are signed in (its cookies), or through the real sign-up and sign-in pages.
import type { BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const E2E_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
export const E2E_PASSWORD = "correct horse battery";

export interface E2eAccount {
  name: string;
  email: string;
  password: string;
}

export function newAccount(name: string): E2eAccount {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@podium.test`;
  return { name, email, password: E2E_PASSWORD };
}

/** A new account whose session cookie the context keeps: its pages are signed in. */
export async function signedInContext(context: BrowserContext, name: string): Promise<E2eAccount> {
  const account = newAccount(name);
  const response = await context.request.post("/api/auth/sign-up/email", { data: account, headers: { origin: E2E_ORIGIN } });
  expect(response.ok(), await response.text()).toBe(true);
  return account;
}

export async function signInThroughPage(page: Page, account: E2eAccount, next = "/"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("account-menu")).toBeVisible();
}
