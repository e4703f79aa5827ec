// Series of calls through the real routes and PostgreSQL: a minutes folder imported into one series
// with each deck's date (file name, title slide, zip entry time), "Prepare next call", the scheduler
// preparing exactly one deck however often and wherever it runs, and bad input that loses nothing.
import { strToU8, zipSync, type Zippable } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "../../app/api/import/route";
import * as seriesRoute from "../../app/api/series/route";
import * as oneSeriesRoute from "../../app/api/series/[id]/route";
import * as nextCallRoute from "../../app/api/series/[id]/next-call/route";
import type { PreparedCall, SeriesDetail, SeriesList, SeriesSummary } from "../../core/api/series";
import { todayIn, weekdayOf, daysBetween, addDays } from "../../core/series/cadence";
import { createPrismaClient, type PrismaClient } from "../../server/db/prisma";
import type { ImportReport } from "../../server/library/import-service";
import { createLogger } from "../../server/log";
import type { PodiumServer } from "../../server/podium";
import { SeriesScheduler } from "../../server/series/series-scheduler";
import { SeriesService } from "../../server/series/series-service";
import { createTestUser, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => (i * 13) % 256)]);
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let alice: TestUser;
let admin: TestUser;
const otherClients: PrismaClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { IMPORT_MAX_ENTRIES: "5000" });
  alice = await createTestUser(podium, { name: "Alice" });
  admin = await createTestUser(podium, { name: "Ada Admin", admin: true });
});

afterAll(async () => {
  for (const client of otherClients) await client.$disconnect();
  await podium?.stop();
  await database.drop();
});

function postImport(files: Record<string, Uint8Array>, user = alice): Promise<Response> {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append("file", new Blob([Buffer.from(bytes)]), name);
  return importRoute.POST(new Request(`${ORIGIN}/api/import`, { method: "POST", body: form, headers: user.headers }));
}

function json(method: string, url: string, user: TestUser, body?: unknown): Request {
  return new Request(`${ORIGIN}${url}`, {
    method,
    headers: { ...user.headers, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

function callDeck(date: string, image?: string): Uint8Array {
  return strToU8(`---\ntitle: SCS Community Call\ntype: slide\n---\n\n# Community Call\n\n${image ? `![](${image} =600x)\n` : ""}\n---\n\n# Team IaaS\n\nReport by @gtema, released on ${date}\n`);
}

/** Noon, so the DOS time fflate writes (in local time) gives this day in every time zone. */
const noon = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y!, m! - 1, d!, 12);
};

describe("a minutes folder imported into a series", () => {
  const fileNamed = ["2024-06-06", "2024-06-13", "2024-06-20", "2024-06-27", "2024-07-04", "2024-07-11", "2024-07-18", "2024-07-25"];
  let report: ImportReport;
  let series: SeriesSummary;

  it("imports 10 decks with their images into one series, each with its date", async () => {
    const files: Zippable = {};
    for (const date of fileNamed) {
      const stamp = date.replaceAll("-", "");
      files[`minutes/community-call/${stamp}.md`] = [callDeck(date, `${stamp}/team.png`), { mtime: noon("2026-01-01") }];
      files[`minutes/community-call/${stamp}/team.png`] = PNG;
    }
    // Its date only in the title slide (German form), another only in its zip entry's time.
    files["minutes/community-call/summer-special.md"] = [
      strToU8("---\ntitle: SCS Community Call\ntype: slide\n---\n\n# Community Call\n## <font color=\"#5f6b7d\">01.08.2024</font>\n\n---\n\n# Later\n"),
      { mtime: noon("2026-01-01") },
    ];
    files["minutes/community-call/last-before-summer.md"] = [strToU8("---\ntitle: SCS Community Call\n---\n\n# Community Call\n"), { mtime: noon("2024-08-08") }];
    files["minutes/community-call/template.md"] = strToU8("---\ntitle: SCS Community Call {{date}}\n---\n\n# Community Call\n");
    const response = await postImport({ "minutes.zip": zipSync(files) });
    expect(response.status).toBe(200);
    report = (await response.json()) as ImportReport;
    expect(report.problems).toEqual([]);
    expect(report.media).toBe(8);
    const calls = report.decks.filter((deck) => deck.series !== null);
    expect(calls).toHaveLength(10);
    expect(new Set(calls.map((deck) => deck.series))).toEqual(new Set(["Community Call"]));
    expect(Object.fromEntries(calls.map((deck) => [deck.path.replace("minutes/community-call/", ""), [deck.callDate, deck.dateSource]]))).toEqual({
      ...Object.fromEntries(fileNamed.map((date) => [`${date.replaceAll("-", "")}.md`, [date, "file name"]])),
      "summer-special.md": ["2024-08-01", "title slide"],
      "last-before-summer.md": ["2024-08-08", "zip entry time"],
    });
    expect(report.decks.find((deck) => deck.path.endsWith("template.md"))!.series).toBeNull();
    expect(calls.filter((deck) => deck.linkedMedia === 1)).toHaveLength(8);

    const list = (await (await seriesRoute.GET(json("GET", "/api/series", alice))).json()) as SeriesList;
    expect(list.series).toHaveLength(1);
    series = list.series[0]!;
    expect(series).toMatchObject({ name: "Community Call", folder: "community-call", url: "/s/community-call", cadenceDays: 7, weekday: 4, callCount: 10 });
    expect(series.latest).toMatchObject({ callDate: "2024-08-08" });
    expect(series.upcoming).toBeNull();

    // Stored, not only reported: the deck rows carry the call dates.
    const stored = await podium.services.prisma.deck.findMany({ where: { seriesId: series.id }, select: { callDate: true, markdown: true } });
    expect(stored.map((deck) => deck.callDate!.toISOString().slice(0, 10)).sort()).toEqual([...fileNamed, "2024-08-01", "2024-08-08"]);
    expect(stored.filter((deck) => /\/media\/[0-9a-f]{64}\.png/.test(deck.markdown))).toHaveLength(8);
  });

  it("shows in the library as one entry: its decks carry their date and series, and leave the plain list", async () => {
    const actor = { kind: "user" as const, user: alice.user, via: "token" as const };
    const { libraryQuery } = podium.services;
    const grouped = await libraryQuery.list(actor, { groupSeries: true, pageSize: 100 });
    expect(grouped.decks.map((deck) => deck.title)).toEqual(["SCS Community Call {{date}}"]);
    const byCall = await libraryQuery.list(actor, { q: "gtema", sort: "call", pageSize: 100 });
    expect(byCall.decks.map((deck) => deck.callDate)).toEqual([...fileNamed].reverse());
    expect(byCall.decks[0]!.series).toEqual({ id: series.id, name: "Community Call", url: "/s/community-call" });
  });

  it("lists the past calls by date, latest first", async () => {
    const response = await oneSeriesRoute.GET(json("GET", `/api/series/${series.id}`, alice), params(series.id));
    const detail = (await response.json()) as SeriesDetail;
    expect(detail.pastCalls.map((call) => call.callDate)).toEqual(["2024-08-08", "2024-08-01", ...[...fileNamed].reverse()]);
    expect(detail.upcomingCalls).toEqual([]);
    expect(detail.canEdit).toBe(true);
  });

  it("“Prepare next call” makes the next date's deck from the template, date filled in", async () => {
    const today = todayIn("UTC");
    const first = await nextCallRoute.POST(json("POST", `/api/series/${series.id}/next-call`, alice), params(series.id));
    expect(first.status).toBe(201);
    const prepared = (await first.json()) as PreparedCall;
    // The next Thursday from today on (the archive's last call is long past).
    expect(weekdayOf(prepared.callDate)).toBe(4);
    expect(daysBetween(today, prepared.callDate)).toBeGreaterThanOrEqual(0);
    expect(daysBetween(today, prepared.callDate)).toBeLessThan(7);
    const deck = await podium.services.prisma.deck.findUniqueOrThrow({ where: { id: prepared.id } });
    expect(deck.title).toBe(`Community Call ${prepared.callDate}`);
    expect(deck.markdown).toContain(`Next call: ${addDays(prepared.callDate, 7)}`);
    expect(deck.markdown).toContain("Moderation: Alice");
    expect(deck).toMatchObject({ seriesId: series.id, ownerId: alice.user.id });
    expect(deck.callDate!.toISOString().slice(0, 10)).toBe(prepared.callDate);

    // Once more: the call after it, a week later.
    const second = (await (await nextCallRoute.POST(json("POST", `/api/series/${series.id}/next-call`, alice), params(series.id))).json()) as PreparedCall;
    expect(second.callDate).toBe(addDays(prepared.callDate, 7));
    const detail = (await (await oneSeriesRoute.GET(json("GET", `/api/series/${series.id}`, alice), params(series.id))).json()) as SeriesDetail;
    expect(detail.upcomingCalls.map((call) => call.callDate)).toEqual([prepared.callDate, second.callDate]);
    expect(detail.nextCallDate).toBe(addDays(second.callDate, 7));
  });
  it("“Prepare next call” carries over the latest call's sections marked continued, and keeps the series' time lock", async () => {
    const { prisma, decks } = podium.services;
    const latest = await prisma.deck.findFirstOrThrow({ where: { seriesId: series.id }, orderBy: { callDate: "desc" } });
    const markdown = (await decks.markdown(latest.id))!;
    const topic = `<!-- .slide: data-owner="${alice.user.id}" data-owner-name="Alice" data-status="ready" data-continued="true" -->\n## Migration plan\n\nStep 2 of 5 done.`;
    const closing = markdown.lastIndexOf("\n---\n");
    await decks.replaceMarkdown(latest.id, `${markdown.slice(0, closing)}\n\n---\n\n${topic}\n${markdown.slice(closing)}`, alice.user.id);

    const prepared = (await (await nextCallRoute.POST(json("POST", `/api/series/${series.id}/next-call`, alice), params(series.id))).json()) as PreparedCall;
    const next = (await decks.markdown(prepared.id))!;
    expect(next).toContain("## Migration plan\n\nStep 2 of 5 done.");
    // Carried once: to do again, no longer marked continued.
    expect(next).toMatch(/data-owner-name="Alice" data-status="todo"/);
    expect(next).not.toContain('data-continued="true"');
    // The series page tells the moderator how ready each call is.
    const detail = (await (await oneSeriesRoute.GET(json("GET", `/api/series/${series.id}`, alice), params(series.id))).json()) as SeriesDetail;
    expect(detail.upcomingCalls.find((call) => call.id === prepared.id)?.readiness).toMatch(/^0 of \d+ sections? ready/);

    const changed = await oneSeriesRoute.PATCH(json("PATCH", `/api/series/${series.id}`, alice, { lockAfterMinutes: 30 }), params(series.id));
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as SeriesSummary).lockAfterMinutes).toBe(30);
    expect((await prisma.series.findUniqueOrThrow({ where: { id: series.id } })).lockAfterMinutes).toBe(30);
    const refused = await oneSeriesRoute.PATCH(json("PATCH", `/api/series/${series.id}`, alice, { lockAfterMinutes: -5 }), params(series.id));
    expect(refused.status).toBe(400);
  });
});

describe("the scheduler", () => {
  async function createSeries(user: TestUser, body: Record<string, unknown>): Promise<Response> {
    return seriesRoute.POST(json("POST", "/api/series", user, body));
  }

  it("lets only admins turn automatic preparation on, and checks every setting", async () => {
    const refused = await createSeries(alice, { name: "Ops", folder: "ops", prepareDaysAhead: 3 });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Only admins/);
    for (const [body, message] of [
      [{ name: "X", folder: "Not A Slug" }, /"folder"/],
      [{ name: "X", folder: "x", weekday: 7 }, /"weekday" must be a whole number from 0 to 6/],
      [{ name: "X", folder: "x", timeZone: "Mars/Olympus" }, /"timeZone"/],
      [{ name: "X", folder: "x", startTime: "25:00" }, /"startTime"/],
      [{ name: "X", folder: "x", cadance: 7 }, /Unknown setting "cadance"/],
      [{ name: "X", folder: "x", templateDeckId: "nope" }, /template deck does not exist/],
    ] as const) {
      const response = await createSeries(alice, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const taken = await createSeries(alice, { name: "Again", folder: "community-call" });
    expect(taken.status).toBe(409);
  });

  it("prepares exactly one deck, run twice, and run at once on two instances", async () => {
    const today = todayIn("UTC");
    const response = await createSeries(admin, { name: "Daily Standup", folder: "daily-standup", prepareDaysAhead: 2, cadenceDays: 1 });
    expect(response.status).toBe(201);
    const standup = (await response.json()) as SeriesSummary;
    // Not due: a weekly call on the day after tomorrow's weekday with prepareDaysAhead 1.
    const later = (await (
      await createSeries(admin, { name: "Weekly Later", folder: "weekly-later", prepareDaysAhead: 1, weekday: weekdayOf(addDays(today, 2)) })
    ).json()) as SeriesSummary;

    const log = createLogger("silent");
    const other = createPrismaClient(database.url);
    otherClients.push(other);
    const here = new SeriesScheduler(podium.services.series, log);
    const elsewhere = new SeriesScheduler(new SeriesService(other, podium.services.decks), log);
    const counts = await Promise.all([here.runOnce(), elsewhere.runOnce(), new SeriesScheduler(podium.services.series, log).runOnce()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await here.runOnce()).toBe(0);
    expect(await elsewhere.runOnce()).toBe(0);

    const decks = await podium.services.prisma.deck.findMany({ where: { seriesId: standup.id } });
    expect(decks).toHaveLength(1);
    expect(decks[0]!.callDate!.toISOString().slice(0, 10)).toBe(today);
    // Made by Podium for the series' owner.
    expect(decks[0]!.ownerId).toBe(admin.user.id);
    expect(await podium.services.prisma.deck.count({ where: { seriesId: later.id } })).toBe(0);
  });
});

describe("bad input", () => {
  it("imports decks with a far-future or nonsense date in their file name, says why, and loses nothing", async () => {
    const zip = zipSync({
      "board/22040718.md": [strToU8("---\ntitle: Board Meeting\n---\n\n# Board Meeting\n\nJuly 25, 2024\n"), { mtime: noon("2026-01-01") }],
      "board/20241301.md": [strToU8("---\ntitle: Board Meeting\n---\n\n# Board Meeting\n"), { mtime: noon("2024-08-01") }],
      "board/99999999.md": [strToU8("---\ntitle: Board Meeting\n---\n\n# Board Meeting\n"), { mtime: new Date(1980, 0, 1, 12) }],
    });
    const response = await postImport({ "board.zip": zip });
    expect(response.status).toBe(200);
    const report = (await response.json()) as ImportReport;
    expect(report.problems).toEqual([]);
    const byPath = Object.fromEntries(report.decks.map((deck) => [deck.path, deck]));
    expect(byPath["board/22040718.md"]).toMatchObject({
      callDate: "2024-07-25",
      dateSource: "title slide",
      dateNotes: ["the date in its file name was not used: “22040718” is more than a year in the future"],
      series: "Board",
    });
    expect(byPath["board/20241301.md"]).toMatchObject({
      callDate: "2024-08-01",
      dateSource: "zip entry time",
      dateNotes: ["the date in its file name was not used: “20241301” is not a real date"],
    });
    expect(byPath["board/99999999.md"]).toMatchObject({ callDate: null, dateSource: null, series: null });
    for (const deck of report.decks) expect(await podium.services.decks.markdown(deck.id)).toContain("# Board Meeting");
  });

  it("refuses a 10,000-file folder whole, with the limit's name, importing nothing", async () => {
    const decksBefore = await podium.services.prisma.deck.count();
    const seriesBefore = await podium.services.prisma.series.count();
    const files: Zippable = {};
    for (let index = 0; index < 10_000; index++) files[`huge-call/${String(20240101 + index)}.md`] = [strToU8(`# Huge Call ${index}`), { level: 0 }];
    const response = await postImport({ "huge.zip": zipSync(files) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/more than 5000 zip entries \(the limit IMPORT_MAX_ENTRIES\); nothing was imported/);
    expect(await podium.services.prisma.deck.count()).toBe(decksBefore);
    expect(await podium.services.prisma.series.count()).toBe(seriesBefore);
  });
});
