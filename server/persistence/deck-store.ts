// Decks in PostgreSQL: rows, their stored Yjs state, and the derived columns the library lists.
import type { DeckSummary } from "../../core/api/decks";
import type { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/prisma";
import type { StoredDocumentState } from "../sync/deck-log";
import type { DerivedValues } from "../sync/derived-columns";
import { decodeLogEntry } from "./update-batch";

export type { StoredDocumentState };

/** Which decks a listing includes (built by server/access from what the actor may read). */
export type DeckFilter = Prisma.DeckWhereInput;

export interface StoredDeck extends DeckSummary {
  createdAt: string;
}

export interface NewDeckDefaults {
  /** What signed-in members may do with a new deck (DEFAULT_MEMBER_ACCESS); unset: the column's default. */
  memberAccess?: "none" | "read" | "write";
}

export class DeckStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly defaults: NewDeckDefaults = {},
  ) {}

  async create(id: string, state: Uint8Array, derived: DerivedValues, ownerId: string | null = null): Promise<StoredDeck> {
    const row = await this.prisma.deck.create({
      // JSON columns are plain data; Prisma's input type wants an index signature interfaces lack.
      data: { id, snapshot: bytes(state), ...derived, sections: derived.sections as unknown as Prisma.InputJsonValue, ownerId, ...this.defaults },
      select: summaryColumns,
    });
    return toStoredDeck(row);
  }

  async list(where: DeckFilter = {}): Promise<DeckSummary[]> {
    const rows = await this.prisma.deck.findMany({
      where,
      select: { id: true, title: true, tags: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
    });
    return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
  }

  async get(id: string): Promise<StoredDeck | null> {
    const row = await this.prisma.deck.findUnique({ where: { id }, select: summaryColumns });
    return row ? toStoredDeck(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.deck.count({ where: { id } })) > 0;
  }

  async markdown(id: string): Promise<string | null> {
    const row = await this.prisma.deck.findUnique({ where: { id }, select: { markdown: true } });
    return row?.markdown ?? null;
  }

  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.deck.deleteMany({ where: { id } });
    return count > 0;
  }

  /** The snapshot and every later log entry, or null for an unknown deck. */
  async loadState(id: string): Promise<StoredDocumentState | null> {
    const deck = await this.prisma.deck.findUnique({ where: { id }, select: { snapshot: true } });
    if (!deck) return null;
    const log = await this.prisma.deckUpdate.findMany({
      where: { deckId: id },
      orderBy: { seq: "asc" },
      select: { update: true, updateCount: true },
    });
    return { snapshot: deck.snapshot, updates: log.flatMap(decodeLogEntry), logEntries: log.length };
  }

  async logLength(id: string): Promise<number> {
    return this.prisma.deckUpdate.count({ where: { deckId: id } });
  }
}

const summaryColumns = { id: true, title: true, tags: true, createdAt: true, updatedAt: true } as const;

function toStoredDeck(row: { id: string; title: string; tags: string[]; createdAt: Date; updatedAt: Date }): StoredDeck {
  return {
    id: row.id,
    title: row.title,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Prisma's Bytes fields want a Uint8Array backed by a plain ArrayBuffer. */
export function bytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}
