// "Last edited by" in the library: after each group commit, the decks whose edits were stored get
// the account behind their latest edit (the room knows it: server/sync/room.ts `lastEditorId`),
// written only when it changed, so steady typing by one person costs no extra queries.
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import type { RoomRegistry } from "../sync/room-registry";

export class LastEditorRecorder {
  private written = new Map<string, string>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  /** For UpdateLog.onFlushed. */
  flushed(deckIds: Iterable<string>): void {
    for (const deckId of deckIds) {
      const editorId = this.rooms.peek(deckId)?.lastEditorId;
      if (!editorId || this.written.get(deckId) === editorId) continue;
      this.written.set(deckId, editorId);
      // The account may be gone by now: then nothing is written.
      this.prisma.$executeRaw`
        UPDATE deck SET last_editor_id = ${editorId}
        WHERE id = ${deckId} AND EXISTS (SELECT 1 FROM "user" WHERE id = ${editorId})`.catch((error: unknown) => {
        this.written.delete(deckId);
        this.log.warn({ err: error, deckId }, "could not record the deck's last editor");
      });
    }
  }

  /** The deck closed here: forget it (another instance may record a different editor meanwhile). */
  forget(deckId: string): void {
    this.written.delete(deckId);
  }
}
