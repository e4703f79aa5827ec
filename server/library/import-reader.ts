// Reads what a user imports — `.md` files, images, or `.zip` archives of a folder of them (the
// shape of a public minutes repository: `community-call/20240808.md` beside its images) — into
// decks and media. Every file is judged on its own: one bad file becomes a problem naming it and
// never aborts the others.
import { unzipSync, type UnzipFileInfo } from "fflate";
import { sniffMediaType, type MediaType } from "../../core/library/media-type";
import type { MojibakeRepair } from "../../core/library/mojibake-repair";
import { decodeTextFile, UnreadableTextFileError } from "../../core/library/text-file";
import type { ImportBudget } from "./import-budget";
import { inflateZip } from "./import-inflate";
import type { ImportProblem } from "../../core/api/import";
export type { ImportProblem };
import { readZipEntryTimes } from "./zip-entry-times";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportedDeck {
  /** Path inside the upload (the zip's folders included), used to resolve relative image links. */
  path: string;
  markdown: string;
  repairs: MojibakeRepair[];
  /** The zip entry's modification time, when it came from a zip: the last resort for its date. */
  entryTime?: Date;
}

export interface ImportedMedia {
  path: string;
  bytes: Uint8Array;
  type: MediaType;
}

export interface ImportContents {
  decks: ImportedDeck[];
  media: ImportedMedia[];
  problems: ImportProblem[];
}

export interface ImportLimits {
  /** Largest single file (media and markdown), in bytes. */
  maxFileBytes: number;
  /** Largest total of all files unpacked from one zip, in bytes (zip bombs). */
  maxZipTotalBytes: number;
  maxZipEntries: number;
}

const MARKDOWN = /\.(md|markdown|txt)$/i;
/** OS junk, and the metadata files of Podium's own exports (the deck text carries the metadata). */
const IGNORED = /(^|\/)(__MACOSX|\.git)(\/|$)|(^|\/)\.[^/]*$|(^|\/)(meta|manifest)\.json$/;

export function readImport(files: UploadedFile[], limits: ImportLimits): ImportContents {
  const contents: ImportContents = { decks: [], media: [], problems: [] };
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) readZip(file, limits, contents);
    else if (!IGNORED.test(file.name)) readEntry(file.name, file.bytes, limits, contents);
  }
  return contents;
}

/**
 * readImport for requests: zips are inflated in a worker thread, and every file counts against one
 * budget for the whole request (ImportLimitError past it).
 */
export async function readImportBounded(files: UploadedFile[], limits: ImportLimits, budget: ImportBudget): Promise<ImportContents> {
  budget.files(files.length);
  const contents: ImportContents = { decks: [], media: [], problems: [] };
  for (const file of files) {
    if (!/\.zip$/i.test(file.name)) {
      if (IGNORED.test(file.name)) continue;
      budget.spend(0, file.bytes.byteLength);
      readEntry(file.name, file.bytes, limits, contents);
      continue;
    }
    const remaining = budget.remaining();
    const zip = await inflateZip(file.bytes, {
      maxEntries: remaining.entries,
      maxUnpackedBytes: remaining.bytes,
      maxFileBytes: limits.maxFileBytes,
      ignored: IGNORED,
    });
    if (zip.exceeded === "entries") throw budget.overEntries();
    if (zip.exceeded === "bytes") throw budget.overBytes();
    if (zip.failure) {
      contents.problems.push({ path: file.name, message: `not a readable zip archive (${zip.failure}).` });
      continue;
    }
    budget.spend(zip.entryCount, zip.unpacked);
    for (const name of zip.oversized) contents.problems.push({ path: name, message: `larger than ${limits.maxFileBytes} bytes; skipped.` });
    const times = readZipEntryTimes(file.bytes);
    for (const entry of zip.entries.sort((a, b) => a.name.localeCompare(b.name))) readEntry(entry.name, entry.bytes, limits, contents, times.get(entry.name));
  }
  budget.decks(contents.decks.length);
  return contents;
}

function readZip(file: UploadedFile, limits: ImportLimits, contents: ImportContents): void {
  let declaredTotal = 0;
  let entries = 0;
  let tooBig: string | null = null;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(file.bytes, {
      filter: (entry: UnzipFileInfo) => {
        if (entry.name.endsWith("/") || IGNORED.test(entry.name)) return false;
        entries++;
        declaredTotal += entry.originalSize;
        if (entry.originalSize > limits.maxFileBytes) {
          contents.problems.push({ path: `${file.name}/${entry.name}`, message: `larger than ${limits.maxFileBytes} bytes; skipped.` });
          return false;
        }
        if (entries > limits.maxZipEntries || declaredTotal > limits.maxZipTotalBytes) {
          tooBig ??= `holds more than ${limits.maxZipEntries} files or ${limits.maxZipTotalBytes} bytes unpacked`;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    contents.problems.push({ path: file.name, message: `not a readable zip archive (${(error as Error).message}).` });
    return;
  }
  if (tooBig) {
    contents.problems.push({ path: file.name, message: `${tooBig}; nothing was imported from it.` });
    return;
  }
  const times = readZipEntryTimes(file.bytes);
  for (const [path, bytes] of Object.entries(unpacked).sort(([a], [b]) => a.localeCompare(b))) {
    // A zip can lie about sizes in its directory: check what was really unpacked.
    if (bytes.byteLength > limits.maxFileBytes) {
      contents.problems.push({ path, message: `larger than ${limits.maxFileBytes} bytes; skipped.` });
      continue;
    }
    readEntry(path, bytes, limits, contents, times.get(path));
  }
}

function readEntry(path: string, bytes: Uint8Array, limits: ImportLimits, contents: ImportContents, entryTime?: Date): void {
  if (bytes.byteLength > limits.maxFileBytes) {
    contents.problems.push({ path, message: `larger than ${limits.maxFileBytes} bytes; skipped.` });
    return;
  }
  if (MARKDOWN.test(path)) {
    try {
      contents.decks.push({ path, ...decodeTextFile(path, bytes), ...(entryTime ? { entryTime } : {}) });
    } catch (error) {
      if (!(error instanceof UnreadableTextFileError)) throw error;
      contents.problems.push({ path, message: error.message.slice(path.length + 2) });
    }
    return;
  }
  const type = sniffMediaType(bytes);
  if (type) contents.media.push({ path, bytes, type });
  else contents.problems.push({ path, message: "neither markdown nor a supported image (PNG, JPEG, GIF, WebP, AVIF, SVG); skipped." });
}
