// App pages carry a nonce-based Content-Security-Policy (proxy.ts): a fresh nonce per response, Next's
// own scripts and the theme script allowed by it, and HTML injected into a page runs nothing. The
// editor still connects, types and previews in its sandboxed frame (which keeps its own policy).
import { expect, test } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { previewFrame, presentSlide } from "./support/deck-frame";
import { createDeck, editorText, openEditor } from "./support/decks";

const nonceOf = (policy: string | undefined) => /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

test("pages carry a nonce CSP, fresh per response; an injected inline script is refused", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const policy = first.headers()["content-security-policy"];
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(nonceOf(policy)).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonceOf(policy));
  // The nonce is on Next's scripts in the page.
  expect(await first.text()).toContain(`nonce="${nonceOf(policy)}"`);

  // HTML that slipped into the page (as a rendering bug would let it): a script and a handler.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      "<body>",
      `<body><script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = 'handler'">`,
    );
    await route.fulfill({ response, body });
  });
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto("/sign-in");
  // The page itself still runs: the form is there and hydrated (typing works).
  await page.getByLabel("Email").fill("someone@podium.test");
  await expect(page.getByLabel("Email")).toHaveValue("someone@podium.test");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(refusals.length).toBeGreaterThan(0);
});

test("the editor works under the policy: it connects, takes typing and previews in its frame", async ({ context, page }) => {
  await signedInContext(context, "Csp Editor");
  const id = await createDeck(page.request, "# Under a policy\n");
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await openEditor(page, id);
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nstill typing");
  await expect.poll(() => editorText(page)).toContain("still typing");
  await expect(presentSlide(previewFrame(page))).toContainText("still typing");
  expect(refusals).toEqual([]);
});
