// Publishing to git at /admin, in a real browser: an admin connects a bare repository on the
// server's disk, publishes the archived decks, sees each one published; when the repository goes
// away, the panel says why each deck failed and when it is retried.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createDeck } from "./support/decks";

const ADMIN = { email: "admin@podium.test", password: "e2e admin password" };
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

test("an admin connects a repository, publishes the archive and sees each deck's state", async ({ browser }) => {
  const work = mkdtempSync(path.join(tmpdir(), "podium-e2e-publish-"));
  const bare = path.join(work, "minutes.git");
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare]);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/sign-in?next=/admin");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin$/);
    await expect(page.getByTestId("publishing-panel")).toBeVisible();

    for (const title of ["Community Call 2024-07-18", "Team retro"]) {
      const id = await createDeck(context.request, `---\ntitle: ${title}\n---\n\n# ${title}\n`);
      expect((await context.request.post(`/api/decks/${id}/archive`, { headers: { origin: ORIGIN } })).ok()).toBe(true);
    }

    const panel = page.getByTestId("publishing-panel");
    const form = panel.getByRole("form", { name: "Repository" });
    await form.getByLabel("Repository (bare repository path or https:// URL)").fill(path.join(work, "not-there"));
    await form.getByRole("button", { name: "Connect" }).click();
    await expect(panel.getByRole("alert")).toContainText("There is no folder");

    await form.getByLabel("Repository (bare repository path or https:// URL)").fill(bare);
    await form.getByRole("button", { name: "Connect" }).click();
    await expect(panel.getByRole("status")).toContainText("Repository connected");
    await panel.getByRole("button", { name: "Publish archived decks" }).click();
    await expect(panel.getByRole("status")).toContainText("pushed");
    const rows = panel.getByRole("table", { name: "Published decks" }).getByRole("row");
    await expect(rows.filter({ hasText: "decks/20240718-community-call.md" })).toContainText("Published");
    await expect(rows.filter({ hasText: "Team retro" })).toContainText("Published");
    expect(execFileSync("git", ["ls-tree", "-r", "--name-only", "main"], { cwd: bare, encoding: "utf8" })).toContain("decks/20240718-community-call.md");
    await panel.screenshot({ path: test.info().outputPath("publishing-panel.png") });

    // The repository disappears: every deck is reported failed with git's reason, and retried later.
    rmSync(bare, { recursive: true, force: true });
    await panel.getByRole("button", { name: "Publish archived decks" }).click();
    await expect(panel.getByRole("status")).toContainText("failed (retried later)");
    await expect(rows.filter({ hasText: "Team retro" })).toContainText("Failed");
    await expect(rows.filter({ hasText: "Team retro" })).toContainText(/not a git repository|could not be reached/);
    await expect(rows.filter({ hasText: "Team retro" })).toContainText("Next try");
    await expect(panel.getByTestId("push-state")).toContainText("Last run failed");
    await panel.screenshot({ path: test.info().outputPath("publishing-panel-failed.png") });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
