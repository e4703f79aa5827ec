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
/** YAML aliases multiply work (the "billion laughs" bomb); real frontmatter needs few or none. */
const MAX_ALIAS_COUNT = 50;

/** Finds a frontmatter block starting on the document's first line, as markdown-it-front-matter does. */
export function findFrontmatter(markdown: string): FrontmatterBlock | null {
  const firstNewline = markdown.indexOf("\n");
  if (firstNewline < 0 || !OPENING_FENCE.test(stripCr(markdown.slice(0, firstNewline)))) return null;
  let lineStart = firstNewline + 1;
  let line = 2;
  while (lineStart <= markdown.length) {
    let lineEnd = markdown.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    if (CLOSING_FENCE.test(stripCr(markdown.slice(lineStart, lineEnd)))) {
      return {
        yaml: markdown.slice(firstNewline + 1, lineStart),
        startLine: 1,
        endLine: line,
        bodyOffset: Math.min(lineEnd + 1, markdown.length),
      };
    }
    lineStart = lineEnd + 1;
    line++;
  }
  return null;
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
