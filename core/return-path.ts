// Where to send someone after signing in, signing up or accepting an invitation: only a path on
// this site. One validator, used by the pages (server) and the forms (browser) alike, since a
// browser reads "/\t/evil.example", "/\\evil.example" or "//evil.example" as another host.
// Anything doubtful becomes "/": a wrong landing page costs a click, an open redirect a phishing.

const FALLBACK = "/";
/** Control characters (tab, newline… which browsers strip from URLs) and backslashes, which they read as "/". */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 2048;
/** Enough layers of %-decoding to see through "%252F%252F" and the like. */
const DECODING_ROUNDS = 3;

export function safeReturnPath(value: unknown): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== "string" || path.length === 0 || path.length > MAX_LENGTH) return FALLBACK;
  let layer = path;
  for (let round = 0; round <= DECODING_ROUNDS; round++) {
    if (!looksLocal(layer)) return FALLBACK;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return FALLBACK;
    }
    if (decoded === layer) break;
    layer = decoded;
  }
  // What a browser would make of it, resolved against a stand-in origin: it must stay there.
  const base = "http://podium.invalid";
  let resolved: URL;
  try {
    resolved = new URL(path, base);
  } catch {
    return FALLBACK;
  }
  if (resolved.origin !== base) return FALLBACK;
  const local = resolved.pathname + resolved.search + resolved.hash;
  return looksLocal(local) ? local : FALLBACK;
}

function looksLocal(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE_CHARACTER.test(path);
}
