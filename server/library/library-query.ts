// The library's one listing query: filters (view, tag, owner, full-text search), sort, pages and
// the caller's pins first, restricted to the decks the caller may read (deck-access-sql.ts).
// Raw SQL because Prisma cannot rank a tsvector; every value is a bound parameter.
import { seriesUrl } from "../../core/api/series";
import { deckDistinction } from "../../core/library/deck-distinction";
import { escapeHtml } from "../../core/render/html-escape";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type LibraryDeck,
  type LibraryFacets,
  type LibraryPage,
  type LibraryQuery,
} from "../../core/library/library-types";
import { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/prisma";
import { readableDeckSql } from "../access/deck-access-sql";
import type { Actor } from "../access/actor";

interface Row {
  id: string;
  title: string;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
  deleted_at: Date | null;
  is_template: boolean;
  owner_id: string | null;
  owner_name: string | null;
  editor_id: string | null;
  editor_name: string | null;
  pinned: boolean;
  snippet: string | null;
  total: bigint;
  call_date: Date | null;
  series_id: string | null;
  series_name: string | null;
  series_folder: string | null;
  head: string;
}

// Hit markers that cannot occur in deck text after escaping: replaced by <mark> once escaped.
const HIT_START = "\u0001";
const HIT_END = "\u0002";

export class LibraryQueryService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(actor: Actor, query: LibraryQuery): Promise<LibraryPage> {
    const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.trunc(query.page ?? 1));
    const text = query.q?.trim() ?? "";
    const search = text ? Prisma.sql`websearch_to_tsquery('simple', ${text})` : null;
    const userId = actor.kind === "user" ? actor.user.id : "";

    const conditions: Prisma.Sql[] = [readableDeckSql(actor), viewSql(query.view ?? "active")];
    if (search) conditions.push(Prisma.sql`d.search @@ ${search}`);
    if (query.tag) conditions.push(Prisma.sql`${query.tag} = ANY (d.tags)`);
    if (query.owner) conditions.push(Prisma.sql`d.owner_id = ${query.owner}`);
    if (query.groupSeries) conditions.push(Prisma.sql`d.series_id IS NULL`);

    const sort = query.sort ?? (search ? "relevance" : "updated");
    const order =
      sort === "title"
        ? Prisma.sql`lower(d.title) ASC, d.id`
        : sort === "created"
          ? Prisma.sql`d.created_at DESC, d.id`
          : sort === "call"
            ? Prisma.sql`d.call_date DESC NULLS LAST, d.updated_at DESC, d.id`
          : sort === "relevance" && search
            ? Prisma.sql`ts_rank(d.search, ${search}) DESC, d.updated_at DESC, d.id`
            : Prisma.sql`d.updated_at DESC, d.id`;

    // The page is chosen first (cheap columns only); the snippet is computed for its rows alone.
    const rows = await this.prisma.$queryRaw<Row[]>`
      WITH matching AS (
        SELECT d.id, d.title, d.tags, d.created_at, d.updated_at, d.archived_at, d.deleted_at, d.is_template,
               d.owner_id, d.last_editor_id, (p.user_id IS NOT NULL) AS pinned, count(*) OVER () AS total,
               d.call_date, d.series_id,
               row_number() OVER (ORDER BY (p.user_id IS NOT NULL) DESC, ${order}) AS position
        FROM deck d
        LEFT JOIN deck_pin p ON p.deck_id = d.id AND p.user_id = ${userId}
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY position
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      )
      SELECT m.id, m.title, m.tags, m.created_at, m.updated_at, m.archived_at, m.deleted_at, m.is_template,
             m.owner_id, o.name AS owner_name, m.last_editor_id AS editor_id, e.name AS editor_name, m.pinned, m.total,
             m.call_date, m.series_id, s.name AS series_name, s.folder AS series_folder,
             (SELECT left(markdown, 4000) FROM deck WHERE id = m.id) AS head,
             ${
               search
                 ? Prisma.sql`ts_headline('simple', (SELECT markdown FROM deck WHERE id = m.id), ${search},
                     ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=18, MinWords=6, MaxFragments=1`})`
                 : Prisma.sql`NULL::text`
             } AS snippet
      FROM matching m
      LEFT JOIN "user" o ON o.id = m.owner_id
      LEFT JOIN "user" e ON e.id = m.last_editor_id
      LEFT JOIN series s ON s.id = m.series_id
      ORDER BY m.position`;

    const total = rows.length > 0 ? Number(rows[0]!.total) : await this.count(conditions);
    return { decks: rows.map(toLibraryDeck), total, page, pageSize };
  }

  /** The tags and owners of the decks the actor may read (active and archived), for the filters. */
  async facets(actor: Actor): Promise<LibraryFacets> {
    const where = Prisma.sql`${readableDeckSql(actor)} AND d.deleted_at IS NULL`;
    const [tags, owners] = await Promise.all([
      this.prisma.$queryRaw<{ tag: string; count: bigint }[]>`
        SELECT tag, count(*) AS count FROM deck d, unnest(d.tags) AS tag
        WHERE ${where} GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200`,
      this.prisma.$queryRaw<{ id: string; name: string }[]>`
        SELECT DISTINCT u.id, u.name FROM deck d JOIN "user" u ON u.id = d.owner_id
        WHERE ${where} ORDER BY u.name`,
    ]);
    return { tags: tags.map((row) => ({ tag: row.tag, count: Number(row.count) })), owners };
  }

  private async count(conditions: Prisma.Sql[]): Promise<number> {
    // Past the last page the window count is not there; the total is still wanted.
    const [row] = await this.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM deck d WHERE ${Prisma.join(conditions, " AND ")}`;
    return Number(row?.count ?? 0);
  }
}

function viewSql(view: NonNullable<LibraryQuery["view"]>): Prisma.Sql {
  switch (view) {
    case "archived":
      return Prisma.sql`d.deleted_at IS NULL AND d.archived_at IS NOT NULL`;
    case "trash":
      return Prisma.sql`d.deleted_at IS NOT NULL`;
    case "templates":
      return Prisma.sql`d.deleted_at IS NULL AND d.archived_at IS NULL AND d.is_template`;
    case "active":
      return Prisma.sql`d.deleted_at IS NULL AND d.archived_at IS NULL`;
  }
}

function toLibraryDeck(row: Row): LibraryDeck {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? "" } : null,
    lastEditor: row.editor_id ? { id: row.editor_id, name: row.editor_name ?? "" } : null,
    pinned: row.pinned,
    isTemplate: row.is_template,
    archivedAt: row.archived_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    ...(row.snippet !== null ? { snippet: highlightSnippet(row.snippet) } : {}),
    callDate: row.call_date ? row.call_date.toISOString().slice(0, 10) : null,
    series: row.series_id ? { id: row.series_id, name: row.series_name ?? "", url: seriesUrl(row.series_folder ?? "") } : null,
    distinction: row.call_date ? null : deckDistinction(row.head, row.title),
  };
}

function highlightSnippet(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, " ").trim()).replaceAll(HIT_START, "<mark>").replaceAll(HIT_END, "</mark>");
}
