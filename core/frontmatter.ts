// YAML frontmatter: finding the block at the top of a document and parsing it with bounded work.
// Problems never throw: they come back as warnings with a line number, and the data falls back
// to an empty object, so a broken frontmatter never stops a deck from rendering.
import { parseDocument } from "yaml";
import { MAX_FRONTMATTER_BYTES } from "./limits";

export interface FrontmatterWarning {
  /** 1-based line in the whole document. */
  line: number;
  message: string;
}

export interface FrontmatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** Index in the document's text where the YAML starts (after the opening fence's line). */
  yamlOffset: number;
  /** 1-based line of the opening `---`. */
  startLine: number;
  /** 1-based line of the closing `---` (or `...`). */
  endLine: number;
  /** Index in the document's text where the body after the closing fence starts. */
  bodyOffset: number;
}

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  warnings: FrontmatterWarning[];
}

const OPENING_FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
const STARTS_WITH_KEY = /^\s*(?:#[^\n]*\n\s*)*["']?[A-Za-z_][\w.-]*["']?[ \t]*:(?:\s|$)/;
/** YAML aliases multiply work (the "billion laughs" bomb); real frontmatter needs few or none. */
const MAX_ALIAS_COUNT = 50;

/**
 * Finds a frontmatter block starting on the document's first line, as markdown-it-front-matter
 * does, or after blank lines, white space or a byte-order mark (HedgeDoc shows such YAML as
 * text; we recognise it). Found there, the block must start with a `key:` line, so that a
 * document opening with a blank line and a horizontal rule stays a document.
 */
export function findFrontmatter(markdown: string): FrontmatterBlock | null {
  let start = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  let startLine = 1;
  for (;;) {
    const end = markdown.indexOf("\n", start);
    if (end < 0 || markdown.slice(start, end).trim() !== "") break;
    start = end + 1;
    startLine++;
  }
  const firstNewline = markdown.indexOf("\n", start);
  const fence = firstNewline < 0 ? "" : stripCr(markdown.slice(start, firstNewline));
  const atTop = start === 0;
  if (!(atTop ? OPENING_FENCE.test(fence) : OPENING_FENCE.test(fence.trimStart()))) return null;
  let lineStart = firstNewline + 1;
  let line = startLine + 1;
  while (lineStart <= markdown.length) {
    let lineEnd = markdown.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    if (CLOSING_FENCE.test(stripCr(markdown.slice(lineStart, lineEnd)))) {
      const yaml = markdown.slice(firstNewline + 1, lineStart);
      if (!atTop && !STARTS_WITH_KEY.test(yaml)) return null;
      return { yaml, yamlOffset: firstNewline + 1, startLine, endLine: line, bodyOffset: Math.min(lineEnd + 1, markdown.length) };
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return null;
}

/**
 * The offset from which edits cannot change what findFrontmatter finds, as long as they keep every
 * line they touch non-blank: it reads a frontmatter only up to its closing fence, and a document
 * whose first non-blank line cannot open one only up to that line. Infinity when any edit might
 * (a document opening with `---` but no closing fence yet, or with no complete first line).
 */
export function frontmatterSettledFrom(markdown: string, block: FrontmatterBlock | null): number {
  if (block) return markdown.charCodeAt(block.bodyOffset - 1) === 0x0a ? block.bodyOffset : Infinity;
  let start = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const end = markdown.indexOf("\n", start);
    if (end < 0) return Infinity;
    if (markdown.slice(start, end).trim() !== "") return markdown.slice(start, end).trimStart().startsWith("---") ? Infinity : end + 1;
    start = end + 1;
  }
}

export function parseFrontmatter(block: FrontmatterBlock): ParsedFrontmatter {
  const bytes = new TextEncoder().encode(block.yaml).length;
  if (bytes > MAX_FRONTMATTER_BYTES) {
    return warnOnly(block.startLine, `Frontmatter is ${bytes} bytes; the limit is ${MAX_FRONTMATTER_BYTES}. It was ignored.`);
  }
  const doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = block.startLine + (firstError.linePos?.[0]?.line ?? 1);
    return warnOnly(line, `Frontmatter is not valid YAML: ${firstLine(firstError.message)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return warnOnly(block.startLine, `Frontmatter was ignored: ${firstLine(errorMessage(error))}`);
  }
  if (data === null || data === undefined) return { data: {}, warnings: [] };
  if (typeof data !== "object" || Array.isArray(data)) {
    return warnOnly(block.startLine + 1, "Frontmatter must be a mapping of keys to values.");
  }
  return { data: data as Record<string, unknown>, warnings: [] };
}

function warnOnly(line: number, message: string): ParsedFrontmatter {
  return { data: {}, warnings: [{ line, message }] };
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
