// Who may join, in a real browser: an admin makes an invitation link at /admin, a new person signs
// up through it (their address fixed by the link), a revoked link lets nobody in; and the sign-in
// page never sends anyone off-site, whatever ?next= says.
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, E2E_PASSWORD, newAccount, signedInContext } from "./support/auth";

const ADMIN = { name: "Admin", email: "admin@podium.test", password: "e2e admin password" };

test("an admin invites someone by link; they sign up through it; a revoked link is refused", async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage();
  await adminPage.goto("/sign-in?next=/admin");
  await adminPage.getByLabel("Email").fill(ADMIN.email);
  await adminPage.getByLabel("Password").fill(ADMIN.password);
  await adminPage.getByRole("button", { name: "Sign in", exact: true }).click();
  // The admin page itself, not the sign-in page with ?next=/admin.
  await expect(adminPage).toHaveURL(/^[^?]*\/admin$/);
  // The e2e server runs with SIGN_UP=open (playwright.config.ts).
  await expect(adminPage.getByTestId("sign-up-policy")).toHaveText(/^Open: anyone may create an account\./);

  const invitee = newAccount("Invitee");
  const form = adminPage.getByRole("form", { name: "New invitation" });
  await form.getByLabel("Only for this email (optional)").fill(invitee.email);
  await form.getByLabel("Uses").selectOption({ label: "Once" });
  await form.getByRole("button", { name: "Create invitation" }).click();
  const row = adminPage.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: invitee.email });
  await expect(row).toContainText("active");
  await expect(row).toContainText("0 / 1");
  const link = new URL(await row.getByRole("textbox").inputValue());
  await adminPage.screenshot({ path: test.info().outputPath("admin-invitations.png"), fullPage: true });

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link.pathname);
  await expect(newcomer.getByRole("heading", { name: "You are invited to Podium" })).toBeVisible();
  await expect(newcomer.getByLabel("Email")).toHaveValue(invitee.email);
  await expect(newcomer.getByLabel("Email")).toHaveAttribute("readonly", "");
  await newcomer.screenshot({ path: test.info().outputPath("invite-page.png"), fullPage: true });
  await newcomer.getByLabel("Name (shown on your cursor)").fill(invitee.name);
  await newcomer.getByLabel("Password (at least 8 characters)").fill(E2E_PASSWORD);
  await newcomer.getByRole("button", { name: "Create account" }).click();
  await expect(newcomer.getByTestId("account-menu")).toContainText("Invitee");
  // The invitation cookie is gone once it has been used.
  expect((await newcomer.context().cookies()).map((cookie) => cookie.name)).not.toContain("podium_invitation");

  await adminPage.reload();
  await expect(row).toContainText("used");
  await expect(row).toContainText("1 / 1");

  // A link for anyone, revoked: its page says so, and signing up through it is refused by the server.
  await form.getByLabel("Uses").selectOption({ label: "Unlimited" });
  await form.getByRole("button", { name: "Create invitation" }).click();
  const open = adminPage.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: "anyone with the link" }).first();
  await expect(open).toContainText("0 / ∞");
  const openLink = new URL(await open.getByRole("textbox").inputValue());
  await open.getByRole("button", { name: "Revoke" }).click();
  await expect(adminPage.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: "anyone with the link" }).first()).toContainText("revoked");
  const late = await (await browser.newContext()).newPage();
  await late.goto(openLink.pathname);
  await expect(late.getByTestId("invitation-invalid")).toContainText("not valid any more");
  const forced = await late.request.post("/api/auth/sign-up/email", {
    data: newAccount("Late"),
    headers: { origin: E2E_ORIGIN, cookie: `podium_invitation=${openLink.pathname.split("/").pop()}` },
  });
  expect(forced.status()).toBe(403);
  expect(((await forced.json()) as { message: string }).message).toContain("not valid any more");
});

test("signing in never leaves the site, whatever ?next= says", async ({ browser }) => {
  const context = await browser.newContext();
  const account = await signedInContext(context, "Traveller");
  const page = await context.newPage();
  // Signed in already: the sign-in page redirects at once, through the same validator.
  for (const next of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/", "javascript:alert(1)", "/%0a/evil.example"]) {
    await page.goto(`/sign-in?next=${next}`);
    await expect(page).toHaveURL(`${E2E_ORIGIN}/`);
  }
  await page.goto("/sign-in?next=/settings");
  await expect(page).toHaveURL(`${E2E_ORIGIN}/settings`);

  // Through the form, after signing out.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/sign-in?next=/%09/evil.example");
  await fresh.getByLabel("Email").fill(account.email);
  await fresh.getByLabel("Password").fill(account.password);
  await fresh.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(fresh.getByTestId("account-menu")).toBeVisible();
  expect(new URL(fresh.url()).origin).toBe(E2E_ORIGIN);
  expect(new URL(fresh.url()).pathname).toBe("/");
});
