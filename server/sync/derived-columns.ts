// The columns of `deck` derived from its live document, which the library lists and searches:
// computed here and only here, and written by the group commit in the same statement as the log
// entries (server/persistence/update-log.ts), so they never disagree with the stored text.
// A new derived column is one line in DERIVED_COLUMNS (and its column in the schema).
import { extractDeckMetadata, type DeckMetadataFields } from "../../core/deck-metadata";
import { sectionSummary } from "../../core/sections/deck-sections";
import type { DerivedColumnsSource } from "../persistence/update-log";
import type { AcceptedUpdate, DeckExtension } from "./deck-lifecycle";
import type { DeckDocument } from "./deck-log";

/** What a column is computed from: the text, and its title and tags (read once for all columns). */
export interface DeckText {
  markdown: string;
  metadata: DeckMetadataFields;
}

/** How a value travels to PostgreSQL: text as is, `text[]` and `jsonb` as JSON. */
export type DerivedColumnType = "text" | "text[]" | "jsonb";

export interface DerivedColumn<T> {
  readonly type: DerivedColumnType;
  readonly of: (deck: DeckText) => T;
}

export const textColumn = (of: (deck: DeckText) => string): DerivedColumn<string> => ({ type: "text", of });
export const textArrayColumn = (of: (deck: DeckText) => string[]): DerivedColumn<string[]> => ({ type: "text[]", of });
export const jsonColumn = <T>(of: (deck: DeckText) => T): DerivedColumn<T> => ({ type: "jsonb", of });

/**
 * Every column derived from the markdown, one line each. The key is both the Prisma field and the
 * SQL column, so a single lowercase word.
 */
export const DERIVED_COLUMNS = {
  markdown: textColumn((deck) => deck.markdown),
  title: textColumn((deck) => deck.metadata.title),
  tags: textArrayColumn((deck) => deck.metadata.tags),
  sections: jsonColumn((deck) => sectionSummary(deck.markdown)),
} satisfies Record<string, DerivedColumn<unknown>>;

export type DerivedValues = { [K in keyof typeof DERIVED_COLUMNS]: ReturnType<(typeof DERIVED_COLUMNS)[K]["of"]> };

/** What the group commit writes besides the log entry: the derived values and the last editor. */
export interface DerivedRow extends DerivedValues {
  /** The account behind the latest edit; null (a guest, or nobody known) keeps the stored one. */
  lastEditorId?: string | null;
}

export function deriveColumns(markdown: string): DerivedValues {
  const deck: DeckText = { markdown, metadata: extractDeckMetadata(markdown) };
  const values: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(DERIVED_COLUMNS)) values[name] = column.of(deck);
  return values as DerivedValues;
}

/** One open deck's columns: recomputed only when the text changed since the last commit. */
class DeckColumns implements DerivedColumnsSource {
  lastEditorId: string | null = null;
  private cache: { markdown: string; values: DerivedValues } | null = null;

  constructor(readonly document: DeckDocument) {}

  derivedColumns(): DerivedRow {
    const markdown = this.document.text.toString();
    if (this.cache?.markdown !== markdown) this.cache = { markdown, values: deriveColumns(markdown) };
    return { ...this.cache.values, lastEditorId: this.lastEditorId };
  }
}

/** The lifecycle extension: notes each accepted update's author; the PostgreSQL log asks it for the columns at commit. */
export class DerivedColumnsExtension implements DeckExtension {
  readonly name = "derived columns";
  private readonly decks = new Map<string, DeckColumns>();

  /** The columns of this deck's next commit (server/persistence/postgres-deck-log.ts). */
  sourceFor(document: DeckDocument): DerivedColumnsSource {
    return this.columnsOf(document);
  }

  acceptedUpdate(room: DeckDocument, accepted: AcceptedUpdate): void {
    if (accepted.author !== undefined) this.columnsOf(room).lastEditorId = accepted.author;
  }

  unloaded(deckId: string): void {
    this.decks.delete(deckId);
  }

  private columnsOf(document: DeckDocument): DeckColumns {
    let columns = this.decks.get(document.deckId);
    if (columns?.document !== document) {
      columns = new DeckColumns(document);
      this.decks.set(document.deckId, columns);
    }
    return columns;
  }
}
