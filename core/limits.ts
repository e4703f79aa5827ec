// Limits shared by the server, the editor and the tests. The server's own values can be changed
// through the environment (server/config.ts); these are the defaults and the client-side bounds.

/** A deck's text, in UTF-16 code units (JavaScript string length): 20× HedgeDoc's default cap. */
export const DEFAULT_MAX_DECK_CHARS = 2_000_000;

/**
 * A deck's encoded Yjs document, edit history and tombstones included: four times the text limit
 * in bytes leaves room for a long-edited deck (deleted text is kept only as lengths).
 */
export const DEFAULT_MAX_DECK_BYTES = 8 * 1024 * 1024;

/** Updates waiting for edits the server has not received (their dependencies), per open deck. */
export const DEFAULT_MAX_PENDING_UPDATE_BYTES = 2 * 1024 * 1024;

/** Largest WebSocket message the server accepts; larger ones close the connection with 1009. */
export const DEFAULT_MAX_WS_MESSAGE_BYTES = 1024 * 1024;

/** Largest frontmatter block the renderer will parse. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
