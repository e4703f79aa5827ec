// Compaction: merges a deck's update log into its snapshot. Reading the log, writing the new
// snapshot and deleting exactly the merged entries happen in one transaction, so a crash at any
// point leaves either the old snapshot with its log or the new snapshot without it.
import * as Y from "yjs";
import type { PrismaClient } from "../db/prisma";
import type { CompactionResult } from "../sync/deck-log";
import { bytes } from "./deck-store";
import { decodeLogEntry } from "./update-batch";

export type { CompactionResult };

export async function compactDeck(prisma: PrismaClient, deckId: string): Promise<CompactionResult | null> {
  return prisma.$transaction(
    async (tx) => {
      // Row lock: two compactions of one deck (two instances, say) take turns.
      const locked = await tx.$queryRaw<{ snapshot: Uint8Array | null }[]>`
        SELECT snapshot FROM deck WHERE id = ${deckId} FOR UPDATE`;
      const deck = locked[0];
      if (!deck) return null;
      const log = await tx.deckUpdate.findMany({
        where: { deckId },
        orderBy: { seq: "asc" },
        select: { seq: true, update: true, updateCount: true },
      });
      if (log.length === 0) return { mergedEntries: 0, snapshotBytes: deck.snapshot?.byteLength ?? 0 };
      const snapshot = mergeIntoSnapshot(deck.snapshot, log.flatMap(decodeLogEntry));
      await tx.deck.update({ where: { id: deckId }, data: { snapshot: bytes(snapshot) } });
      // Delete by the ids we read, never by a range: an entry committed meanwhile is kept.
      await tx.deckUpdate.deleteMany({ where: { seq: { in: log.map((entry) => entry.seq) } } });
      return { mergedEntries: log.length, snapshotBytes: snapshot.byteLength };
    },
    { timeout: 60_000 },
  );
}

/** Applies a snapshot and log entries to a fresh document and encodes its whole state. */
export function mergeIntoSnapshot(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
