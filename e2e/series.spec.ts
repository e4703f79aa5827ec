// Series and dates in the library, in a real browser: an imported minutes folder shows as one
// series with its calls by date, every other deck row says what tells it apart, "Prepare next
// call" makes the next date's deck, and the library's search, sort and page live in the URL
// (reload keeps them, Back steps through them).
import { expect, test } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { E2E_ORIGIN, signedInContext } from "./support/auth";

const SHOTS = "test-results/series";
const callDates = ["2024-07-04", "2024-07-11", "2024-07-18", "2024-07-25"];
// Other specs share the server's database (one imports a community-call folder too): this one's
// series, decks and search words carry a word of its own.
const run = Date.now().toString(36);
const folder = `ops-call-${run}`;
const seriesName = `Ops Call ${run.charAt(0).toUpperCase()}${run.slice(1)}`;

function callDeck(date: string): Uint8Array {
  return strToU8(`---\ntitle: SCS Ops Call ${run}\ntype: slide\n---\n\n# Ops Call\n\n---\n\n# Team IaaS\n\nReport for ${date}\n`);
}

async function decksOutsideSeries(page: import("@playwright/test").Page): Promise<number> {
  await page.goto("/");
  const count = page.locator(".library-count");
  await expect(count).toHaveText(/^\d+ decks?/);
  return Number(/^(\d+)/.exec((await count.textContent()) ?? "")![1]);
}

test("the library shows a series with its calls by date; Prepare next call; URL state round-trips with Back", async ({ context, page }) => {
  await signedInContext(context, "Moderator");
  const before = await decksOutsideSeries(page);
  const minutes = zipSync(Object.fromEntries(callDates.map((date) => [`minutes/${folder}/${date.replaceAll("-", "")}.md`, callDeck(date)])));
  const topics = Object.fromEntries(
    Array.from({ length: 22 }, (_, index) => {
      const number = String(index + 1).padStart(2, "0");
      return [`topic${number}`, { name: `topic-${number}.md`, mimeType: "text/markdown", buffer: Buffer.from(`---\ntitle: Topic${run} ${number}\n---\n\n# Topic${run} ${number}\n`) }];
    }),
  );
  const response = await context.request.post("/api/import", {
    headers: { origin: E2E_ORIGIN },
    multipart: {
      minutes: { name: "minutes.zip", mimeType: "application/zip", buffer: Buffer.from(minutes) },
      retro: { name: "retro.md", mimeType: "text/markdown", buffer: Buffer.from(`---\ntitle: Team retro${run}\n---\n\n# Team retro${run}\n\n## 12.03.2024\n`) },
      kickoff: { name: "kickoff.md", mimeType: "text/markdown", buffer: Buffer.from("# Planning\n\n---\n\n# Kick-off for the SIG Ops\n") },
      ...topics,
    },
  });
  expect(response.status(), await response.text()).toBe(200);

  await page.goto("/");
  const seriesList = page.getByRole("list", { name: "Series" });
  const entry = seriesList.locator("li", { hasText: seriesName });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("Weekly on Thursday");
  await expect(entry).toContainText("Thu 25 Jul 2024");
  await expect(entry).toContainText("not prepared yet");
  // The series' decks are in its entry, not among the other decks.
  const decks = page.getByRole("list", { name: "Decks" });
  await expect(decks.locator("li", { hasText: `SCS Ops Call ${run}` })).toHaveCount(0);
  await expect(page.locator(".library-count")).toHaveText(`${before + 24} decks outside a series`);
  await page.getByLabel("Search decks").fill(`retro${run}`);
  await expect(decks.locator("li")).toHaveCount(1);
  await expect(decks.locator("li").first().locator("time.call-date")).toHaveText("Tue 12 Mar 2024");
  await page.screenshot({ path: `${SHOTS}/library-search.png`, fullPage: true });
  await page.getByLabel("Search decks").fill("");
  await expect(page.getByRole("list", { name: "Series" })).toBeVisible();
  await expect(page.locator(".library-count")).toHaveText(`${before + 24} decks outside a series`);
  await page.screenshot({ path: `${SHOTS}/library.png`, fullPage: true });

  // A search finds the series' decks too, each with its date and its series.
  await page.getByLabel("Search decks").fill(run);
  await expect(decks.locator("li")).toHaveCount(4);
  await expect(decks.locator("li", { hasText: "Thu 18 Jul 2024" }).getByRole("link", { name: seriesName, exact: true })).toHaveAttribute("href", `/s/${folder}`);

  // The series page: past calls by date, then "Prepare next call".
  await page.goto(`/s/${folder}`);
  const past = page.getByRole("list", { name: "Past calls" });
  await expect(past.locator("time")).toHaveText(["Thu 25 Jul 2024", "Thu 18 Jul 2024", "Thu 11 Jul 2024", "Thu 4 Jul 2024"]);
  await expect(page.getByText("No call prepared yet.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/series-page.png`, fullPage: true });
  const prepare = page.getByRole("button", { name: /^Prepare next call \(Thu / });
  const nextDate = (await prepare.textContent())!.replace(/^Prepare next call \((.*)\)$/, "$1");
  await prepare.click();
  await page.waitForURL(/\/d\/[a-z0-9]+$/);
  await page.goto(`/s/${folder}`);
  await expect(page.getByRole("list", { name: "Next calls" }).locator("time")).toHaveText([nextDate]);
  // The shipped template names the series it was prepared for.
  await expect(page.getByRole("list", { name: "Next calls" })).toContainText(`${seriesName} 20`);
  await page.screenshot({ path: `${SHOTS}/series-prepared.png`, fullPage: true });

  // The library's state in the URL: search, sort, page; reload keeps it, Back steps back.
  await page.goto("/");
  const topic = `Topic${run}`;
  await page.getByLabel("Search decks").fill(topic);
  await expect(page).toHaveURL(new RegExp(`/\\?q=${topic}$`));
  await expect(page.locator(".library-count")).toHaveText(`22 decks match “${topic}”`);
  await page.getByLabel("Sort").selectOption("title");
  await expect(page).toHaveURL(new RegExp(`/\\?q=${topic}&sort=title$`));
  await expect(decks.locator("li").first()).toContainText(`${topic} 01`);
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?q=${topic}&sort=title&page=2$`));
  await expect(decks.locator("li")).toHaveCount(2);
  await expect(decks.locator("li").first()).toContainText(`${topic} 21`);

  await page.reload();
  await expect(page.getByLabel("Search decks")).toHaveValue(topic);
  await expect(page.getByLabel("Sort")).toHaveValue("title");
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(decks.locator("li").first()).toContainText(`${topic} 21`);
  await page.screenshot({ path: `${SHOTS}/library-url-state.png`, fullPage: true });

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/\\?q=${topic}&sort=title$`));
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expect(decks.locator("li").first()).toContainText(`${topic} 01`);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/\\?q=${topic}$`));
  await expect(page.getByLabel("Sort")).toHaveValue("relevance");
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("Search decks")).toHaveValue("");
  await expect(page.getByRole("list", { name: "Series" })).toBeVisible();

  // A shared link opens on the same page of the same search.
  const shared = await context.newPage();
  await shared.goto(`/?q=${topic}&sort=title&page=2`);
  await expect(shared.getByRole("list", { name: "Decks" }).locator("li").first()).toContainText(`${topic} 21`);
});
