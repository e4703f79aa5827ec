// Decks for the sync tests, written and read with plain SQL: independent of the server under test
// (which may be in another process, or killed), so what they read back is what PostgreSQL holds.
import pg from "pg";
import * as Y from "yjs";
import { newDeckId } from "../../core/deck-id";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { decodeLogEntry } from "../../server/persistence/update-batch";

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new deck that guests (unauthenticated clients, as in these tests) may edit. Needs a migrated database. */
export async function insertGuestDeck(databaseUrl: string, markdown = ""): Promise<string> {
  const doc = new Y.Doc();
  doc.getText(DECK_TEXT_NAME).insert(0, markdown);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  const id = newDeckId();
  await withClient(databaseUrl, (client) =>
    client.query("INSERT INTO deck (id, snapshot, markdown, guest_access) VALUES ($1, $2, $3, 'write')", [id, state, markdown]),
  );
  return id;
}

/** The deck's text as stored: its snapshot with every later log entry applied. */
export async function storedText(databaseUrl: string, deckId: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const deck = await client.query<{ snapshot: Buffer | null }>("SELECT snapshot FROM deck WHERE id = $1", [deckId]);
    if (deck.rowCount === 0) throw new Error(`no deck ${deckId} in the database`);
    const log = await client.query<{ update: Buffer; update_count: number }>(
      "SELECT update, update_count FROM deck_update WHERE deck_id = $1 ORDER BY seq",
      [deckId],
    );
    const doc = new Y.Doc();
    const snapshot = deck.rows[0]!.snapshot;
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const row of log.rows) {
      for (const update of decodeLogEntry({ update: row.update, updateCount: row.update_count })) Y.applyUpdate(doc, update);
    }
    const text = doc.getText(DECK_TEXT_NAME).toString();
    doc.destroy();
    return text;
  });
}

/** Number of update-log entries of a deck. */
/** Updates in the deck's log (an entry holds every update of one group commit). */
export async function storedUpdates(databaseUrl: string, deckId: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ count: string | null }>("SELECT sum(update_count) AS count FROM deck_update WHERE deck_id = $1", [deckId]);
    return Number(result.rows[0]!.count ?? 0);
  });
}

/** Rows in the deck's update log. */
export async function logEntries(databaseUrl: string, deckId: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ count: string }>("SELECT count(*) FROM deck_update WHERE deck_id = $1", [deckId]);
    return Number(result.rows[0]!.count);
  });
}
