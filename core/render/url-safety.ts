// Decides whether a URL-ish attribute value is harmless: http(s), mailto, tel, relative URLs and
// plain values (colours, sizes) pass; javascript:, vbscript:, data: (except raster images) and any
// other scheme do not, however they are disguised with entities, control characters or case.

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto", "tel"]);
const SAFE_IMAGE_DATA = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp)[;,]/;
const DANGEROUS_ANYWHERE = /(?:java|vb|live)script:|data:text|data:application|expression\(/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const NAMED_ENTITIES: Record<string, string> = {
  colon: ":", tab: "\t", newline: "\n", lpar: "(", rpar: ")", sol: "/", amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " ",
};

export interface UrlSafetyOptions {
  /** Allow `data:image/png;…` and other raster image data URLs (for <img src>). */
  allowImageData?: boolean;
}

/** Decodes numeric and the few named HTML entities that are used to hide URL schemes. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const hex = entity[1] === "x" || entity[1] === "X";
      const code = Number.parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/** Normalises a value the way a browser would before looking at its scheme. */
export function normalizeUrl(value: string): string {
  return decodeEntities(decodeEntities(value)).replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]+/g, "").toLowerCase();
}

/** True when a value (a style, say) mentions a script URL or a legacy CSS expression anywhere. */
export function mentionsScriptUrl(value: string): boolean {
  return DANGEROUS_ANYWHERE.test(normalizeUrl(value));
}

export function isSafeUrl(value: string, options: UrlSafetyOptions = {}): boolean {
  const normalized = normalizeUrl(value);
  if (DANGEROUS_ANYWHERE.test(normalized)) return false;
  const scheme = SCHEME.exec(normalized);
  if (!scheme) return true;
  const name = scheme[1]!;
  if (ALLOWED_SCHEMES.has(name)) return true;
  if (name === "data") return options.allowImageData === true && SAFE_IMAGE_DATA.test(normalized);
  return false;
}

/** For options that must name an image: http(s) or a relative URL, and nothing that could break out of CSS `url("…")`. */
export function isHttpOrRelativeUrl(value: string): boolean {
  if (/["'\\<>()\s]/.test(value)) return false;
  const normalized = normalizeUrl(value);
  if (DANGEROUS_ANYWHERE.test(normalized)) return false;
  const scheme = SCHEME.exec(normalized);
  return !scheme || scheme[1] === "http" || scheme[1] === "https";
}
