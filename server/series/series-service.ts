// Series of calls ("Community Call", weekly on Thursdays at 15:05): their settings, their calls by
// date, and preparing the next call's deck from the series' template. Preparing holds a PostgreSQL
// advisory lock per series, so two clicks, two schedulers or two server instances never prepare
// two decks for one date. Access to each call's deck stays the deck's own (deck-access-sql.ts).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SERIES_DEFAULTS, seriesUrl, type PreparedCall, type SeriesCall, type SeriesDetail, type SeriesSettings, type SeriesSummary } from "../../core/api/series";
import { deckUrl } from "../../core/api/decks";
import { fillTemplate } from "../../core/library/template-fill";
import { daysBetween, nextCallDate, todayIn } from "../../core/series/cadence";
import { readableDeckSql } from "../access/deck-access-sql";
import type { Actor } from "../access/actor";
import { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/prisma";
import type { DeckService } from "../decks/deck-service";
import { PROJECT_ROOT } from "../project-root";
import { nextCallMarkdown } from "./next-call-markdown";
import type { StoredSection } from "../../core/sections/deck-sections";
import { readinessSummary } from "../../core/sections/readiness";
import { PodiumError } from "../../core/api/errors";

const SHIPPED_TEMPLATE = path.join(PROJECT_ROOT, "server", "library", "templates", "community-call.md");

export class SeriesError extends PodiumError {
  override name = "SeriesError";
  constructor(code: "not_found" | "bad_request" | "conflict" | "forbidden", message: string) {
    super(code, message);
  }
}

type SeriesRow = NonNullable<Awaited<ReturnType<PrismaClient["series"]["findUnique"]>>>;
type UserActor = Extract<Actor, { kind: "user" }>;

interface CallRow {
  id: string;
  title: string;
  call_date: Date;
  locked_at: Date | null;
  updated_at: Date;
  sections: StoredSection[];
}

export class SeriesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly decks: DeckService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(settings: Partial<SeriesSettings> & { name: string; folder: string }, actor: UserActor): Promise<SeriesSummary> {
    this.checkAdminOnly(settings, actor);
    await this.checkTemplate(settings.templateDeckId, actor);
    try {
      const row = await this.prisma.series.create({ data: { id: randomUUID(), ...SERIES_DEFAULTS, ...settings, ownerId: actor.user.id } });
      return this.summary(row, actor);
    } catch (error) {
      throw uniqueFolder(error, settings.folder);
    }
  }

  async update(id: string, change: Partial<SeriesSettings>, actor: UserActor): Promise<SeriesSummary> {
    const row = await this.require(id);
    if (!canEdit(row, actor)) throw new SeriesError("forbidden", "Only the series' owner or an admin may change it.");
    this.checkAdminOnly(change, actor);
    await this.checkTemplate(change.templateDeckId, actor);
    try {
      return this.summary(await this.prisma.series.update({ where: { id }, data: change }), actor);
    } catch (error) {
      throw uniqueFolder(error, change.folder);
    }
  }

  async list(actor: Actor): Promise<SeriesSummary[]> {
    const rows = await this.prisma.series.findMany({ orderBy: { name: "asc" } });
    return Promise.all(rows.map((row) => this.summary(row, actor)));
  }

  async byFolder(folder: string, actor: Actor): Promise<SeriesDetail | null> {
    const row = await this.prisma.series.findUnique({ where: { folder } });
    return row ? this.detail(row, actor) : null;
  }

  async get(id: string, actor: Actor): Promise<SeriesDetail> {
    return this.detail(await this.require(id), actor);
  }

  /** "Prepare next call": the next date's deck from the template, owned by whoever asked. */
  async prepareNext(id: string, preparer: { id: string; name: string }): Promise<PreparedCall> {
    const prepared = await this.prepare(id, preparer, { onlyWhenDue: false });
    return prepared!;
  }

  /**
   * The scheduler's step for one series: prepares the next call's deck when none is upcoming and
   * the next date is at most prepareDaysAhead days away; null when there is nothing to do.
   */
  prepareIfDue(id: string): Promise<PreparedCall | null> {
    return this.prepare(id, null, { onlyWhenDue: true });
  }

  /** The series that prepare their next call automatically. */
  async automatic(): Promise<string[]> {
    const rows = await this.prisma.series.findMany({ where: { prepareDaysAhead: { not: null } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  private async prepare(id: string, preparer: { id: string; name: string } | null, options: { onlyWhenDue: boolean }): Promise<PreparedCall | null> {
    return this.prisma.$transaction(
      async (tx) => {
        // Held until this transaction ends: the deck below is made and dated before anyone else looks.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`podium.series:${id}`}))`;
        const series = await tx.series.findUnique({ where: { id }, include: { owner: { select: { id: true, name: true } } } });
        if (!series) throw new SeriesError("not_found", "No series with this id.");
        const today = todayIn(series.timeZone, this.clock());
        const [latest] = await tx.$queryRaw<{ id: string; call_date: Date }[]>`
          SELECT id, call_date FROM deck WHERE series_id = ${id} AND call_date IS NOT NULL AND deleted_at IS NULL
          ORDER BY call_date DESC, created_at DESC LIMIT 1`;
        const latestDate = latest ? isoDay(latest.call_date) : null;
        if (options.onlyWhenDue) {
          if (series.prepareDaysAhead === null || (latestDate !== null && latestDate >= today)) return null;
        }
        const callDate = nextCallDate(series, latestDate, today);
        if (options.onlyWhenDue && daysBetween(today, callDate) > series.prepareDaysAhead!) return null;
        const author = preparer ?? series.owner;
        const template = await this.templateMarkdown(series.templateDeckId);
        const filled = fillTemplate(template, { now: new Date(`${callDate}T12:00:00Z`), author: author?.name ?? "", timeZone: "UTC", series: series.name });
        const markdown = nextCallMarkdown(latest ? await this.decks.markdown(latest.id) : null, filled);
        const created = await this.decks.create(markdown, author?.id ?? null);
        try {
          await tx.deck.update({ where: { id: created.id }, data: { seriesId: id, callDate: new Date(`${callDate}T00:00:00Z`) } });
        } catch (error) {
          await this.decks.delete(created.id).catch(() => undefined);
          throw error;
        }
        return { ...created, callDate };
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
  }

  private async templateMarkdown(templateDeckId: string | null): Promise<string> {
    if (templateDeckId) {
      const markdown = await this.decks.markdown(templateDeckId);
      // A template deck deleted since: the built-in template, rather than no call at all.
      if (markdown !== null) return markdown;
    }
    return readFileSync(SHIPPED_TEMPLATE, "utf8");
  }

  private async summary(row: SeriesRow, actor: Actor): Promise<SeriesSummary> {
    const detail = await this.detail(row, actor);
    const { upcomingCalls: _upcoming, pastCalls: _past, canEdit: _canEdit, ...summary } = detail;
    return summary;
  }

  private async detail(row: SeriesRow, actor: Actor): Promise<SeriesDetail> {
    const calls = await this.prisma.$queryRaw<CallRow[]>`
      SELECT d.id, d.title, d.call_date, d.locked_at, d.updated_at, d.sections FROM deck d
      WHERE d.series_id = ${row.id} AND d.call_date IS NOT NULL AND d.deleted_at IS NULL AND ${readableDeckSql(actor)}
      ORDER BY d.call_date DESC, d.created_at DESC`;
    const today = todayIn(row.timeZone, this.clock());
    const all = calls.map(toCall);
    const upcomingCalls = all.filter((call) => call.callDate >= today).reverse();
    const pastCalls = all.filter((call) => call.callDate < today);
    // The next date counts every call, readable or not: it must match what preparing would make.
    const [latest] = await this.prisma.$queryRaw<{ call_date: Date }[]>`
      SELECT max(call_date) AS call_date FROM deck WHERE series_id = ${row.id} AND deleted_at IS NULL HAVING max(call_date) IS NOT NULL`;
    return {
      id: row.id,
      url: seriesUrl(row.folder),
      name: row.name,
      folder: row.folder,
      cadenceDays: row.cadenceDays,
      weekday: row.weekday,
      startTime: row.startTime,
      timeZone: row.timeZone,
      durationMinutes: row.durationMinutes,
      templateDeckId: row.templateDeckId,
      prepareDaysAhead: row.prepareDaysAhead,
      lockAfterMinutes: row.lockAfterMinutes,
      nextCallDate: nextCallDate(row, latest ? isoDay(latest.call_date) : null, today),
      upcoming: upcomingCalls[0] ?? null,
      latest: pastCalls[0] ?? null,
      callCount: all.length,
      upcomingCalls,
      pastCalls,
      canEdit: actor.kind === "user" && canEdit(row, actor),
    };
  }

  private async require(id: string): Promise<SeriesRow> {
    const row = await this.prisma.series.findUnique({ where: { id } });
    if (!row) throw new SeriesError("not_found", "No series with this id.");
    return row;
  }

  private checkAdminOnly(settings: Partial<SeriesSettings>, actor: UserActor): void {
    if (settings.prepareDaysAhead !== undefined && actor.user.role !== "admin") {
      throw new SeriesError("forbidden", "Only admins may let Podium prepare calls automatically (prepareDaysAhead).");
    }
  }

  private async checkTemplate(templateDeckId: string | null | undefined, actor: UserActor): Promise<void> {
    if (!templateDeckId) return;
    const [readable] = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM deck d WHERE d.id = ${templateDeckId} AND d.deleted_at IS NULL AND ${readableDeckSql(actor)}`;
    if (!readable) throw new SeriesError("bad_request", "The template deck does not exist, or you may not read it.");
  }
}

function canEdit(row: SeriesRow, actor: UserActor): boolean {
  return actor.user.role === "admin" || row.ownerId === actor.user.id;
}

function toCall(row: CallRow): SeriesCall {
  const readiness = readinessSummary(row.sections);
  return {
    id: row.id,
    url: deckUrl(row.id),
    title: row.title,
    callDate: isoDay(row.call_date),
    locked: row.locked_at !== null,
    updatedAt: row.updated_at.toISOString(),
    readiness: readiness.total > 0 ? readiness.text : null,
  };
}

/** A DATE column arrives as midnight UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function uniqueFolder(error: unknown, folder: string | undefined): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new SeriesError("conflict", `A series already uses the folder "${folder ?? ""}".`);
  }
  return error;
}
