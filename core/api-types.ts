// Moved to core/api/ (one module per resource). Kept as a re-export for the modules other branches
// edit at the same time (server/persistence, server/decks); import from core/api/* instead.
export { deckUrl, type CreatedDeck, type DeckMetadata, type DeckSummary } from "./api/decks";
export type { ApiErrorBody, ApiErrorCode } from "./api/errors";
