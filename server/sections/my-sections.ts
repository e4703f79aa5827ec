// "My sections": the sections a person owns in decks of upcoming calls (call date today or later),
// and in decks that are no call at all; from the derived Deck.sections column, among the decks
// the access rule lets them read. Archived and deleted decks are over and left out.
import { deckUrl } from "../../core/api/decks";
import type { MySection, MySectionsResponse, SectionPerson } from "../../core/api/sections";
import { isSectionStatus, type StoredSection } from "../../core/sections/deck-sections";
import { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/prisma";
import { readableDeckSql } from "../access/deck-access-sql";
import type { Actor } from "../access/actor";

const MAX_DECKS = 200;
const MAX_PEOPLE = 500;

interface Row {
  id: string;
  title: string;
  call_date: Date | null;
  locked_at: Date | null;
  series_name: string | null;
  sections: unknown;
}

export async function mySections(prisma: PrismaClient, actor: Extract<Actor, { kind: "user" }>): Promise<MySectionsResponse> {
  const owner = JSON.stringify([{ owner: actor.user.id }]);
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT d.id, d.title, d.call_date, d.locked_at, s.name AS series_name, d.sections
    FROM deck d LEFT JOIN series s ON s.id = d.series_id
    WHERE ${readableDeckSql(actor)} AND d.deleted_at IS NULL AND d.archived_at IS NULL
      AND d.sections @> ${owner}::jsonb
      AND (d.call_date IS NULL OR d.call_date >= CURRENT_DATE)
    ORDER BY d.call_date ASC NULLS LAST, d.updated_at DESC
    LIMIT ${MAX_DECKS}`);
  const result: MySectionsResponse = { upcoming: [], undated: [] };
  for (const row of rows) {
    const callDate = row.call_date ? row.call_date.toISOString().slice(0, 10) : null;
    for (const section of storedSections(row.sections)) {
      if (section.owner !== actor.user.id) continue;
      const mine: MySection = {
        deckId: row.id,
        deckTitle: row.title,
        deckUrl: deckUrl(row.id),
        callDate,
        seriesName: row.series_name,
        locked: row.locked_at !== null,
        index: section.index,
        title: section.title,
        status: section.status,
        continued: section.continued,
      };
      (callDate ? result.upcoming : result.undated).push(mine);
    }
  }
  return result;
}

/**
 * Who a section of this deck can be assigned to: its owner, the people it is shared with, those
 * already owning one of its sections, and every member when members may open it. Names only.
 */
export async function sectionPeople(prisma: PrismaClient, deckId: string): Promise<SectionPerson[]> {
  const deck = await prisma.deck.findUnique({
    where: { id: deckId },
    select: { ownerId: true, memberAccess: true, sections: true, grants: { where: { level: { not: "none" } }, select: { userId: true } } },
  });
  if (!deck) return [];
  const ids = [deck.ownerId, ...deck.grants.map((grant) => grant.userId), ...storedSections(deck.sections).map((section) => section.owner)].filter(
    (id): id is string => id !== null,
  );
  const people = await prisma.user.findMany({
    where: { banned: false, ...(deck.memberAccess === "none" ? { id: { in: ids } } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: MAX_PEOPLE,
  });
  return people;
}

/** Deck.sections as written by the derived columns; anything else in it is skipped. */
function storedSections(value: unknown): StoredSection[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is StoredSection =>
      typeof item === "object" && item !== null && typeof item.index === "number" && typeof item.title === "string" && isSectionStatus(item.status),
  );
}
