// Deck ids appear in URLs (/d/<id>, /ws/<id>) and in the database. New ids are 12 characters of
// an unambiguous lower-case alphabet; ids of imported decks may be any url-safe token.

const ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";
const NEW_ID_LENGTH = 12;
const DECK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDeckId(id: string): boolean {
  return DECK_ID_PATTERN.test(id);
}

export function newDeckId(): string {
  const bytes = new Uint8Array(NEW_ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}
