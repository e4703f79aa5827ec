// deck-access.ts's rule as SQL, for listings and search: the decks an actor may at least read.
// The one place this is written; library-query.test.ts compares it with deckAccess over a matrix.
// The table must be aliased `d`. A lock after the call (d.locked_at) takes writing away, never
// reading: it has nothing to add here.
import { Prisma } from "../db/generated/client";
import type { Actor } from "./actor";

export function readableDeckSql(actor: Actor): Prisma.Sql {
  if (actor.kind === "guest") return Prisma.sql`(d.deleted_at IS NULL AND d.guest_access <> 'none')`;
  if (actor.user.role === "admin") return Prisma.sql`TRUE`;
  const userId = actor.user.id;
  return Prisma.sql`(d.deleted_at IS NULL AND (
    d.owner_id = ${userId}
    OR d.member_access <> 'none'
    OR d.guest_access <> 'none'
    OR EXISTS (SELECT 1 FROM deck_grant g WHERE g.deck_id = d.id AND g.user_id = ${userId} AND g.level <> 'none')))`;
}
