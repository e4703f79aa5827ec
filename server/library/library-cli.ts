// The library's CLI twins (server/cli.ts): import a folder or zip, bulk archive by age, export
// the archive as a verified .zip (and optionally purge what it holds). They run on the same
// database as the server, through the same services; running servers hear of an archive or a purge
// from PostgreSQL (server/access/access-notifier.ts) and downgrade or close their open editors.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { AccessControl } from "../access/access-control";
import type { Config } from "../config";
import type { PrismaClient } from "../db/prisma";
import { DeckService } from "../decks/deck-service";
import type { Logger } from "../log";
import { DeckStore } from "../persistence/deck-store";
import { PostgresDeckLog } from "../persistence/postgres-deck-log";
import { DeckLifecycle } from "../sync/deck-lifecycle";
import { DerivedColumnsExtension } from "../sync/derived-columns";
import { RoomRegistry } from "../sync/room-registry";
import { purgeVerifiedArchive, verifyArchive } from "./archive-verify";
import { ExportService } from "./export-service";
import { HtmlExporter } from "./html-export";
import { SeriesImportPlacement } from "../series/series-import";
import { ImportService } from "./import-service";
import type { UploadedFile } from "./import-reader";
import { LibraryService } from "./library-service";
import { MediaStore } from "./media-store";

export class LibraryUsageError extends Error {
  override name = "LibraryUsageError";
}

interface Stack {
  decks: DeckService;
  library: LibraryService;
  imports: ImportService;
  exports: ExportService;
  close(): Promise<void>;
}

function openStack({ config, log, prisma, access, databaseUrl }: LibraryContext): Stack {
  const store = new DeckStore(prisma, { memberAccess: config.DEFAULT_MEMBER_ACCESS });
  const derivedColumns = new DerivedColumnsExtension();
  const lifecycle = new DeckLifecycle(log).use(derivedColumns);
  const deckLog = new PostgresDeckLog(databaseUrl, prisma, store, {
    flushIntervalMs: config.FLUSH_INTERVAL_MS,
    log,
    columns: derivedColumns,
    committed: (entriesWritten) => lifecycle.committed(entriesWritten),
  });
  const rooms = new RoomRegistry(deckLog, lifecycle, { idleMs: 0, compactAfterEntries: config.COMPACT_AFTER_UPDATES, log });
  const decks = new DeckService(store, rooms, deckLog, config.MAX_DECK_CHARS);
  const media = new MediaStore(prisma, config.MEDIA_MAX_BYTES);
  return {
    decks,
    library: new LibraryService(prisma, decks, rooms, access),
    imports: new ImportService(decks, media, {
      maxFileBytes: Math.max(config.MEDIA_MAX_BYTES, config.MAX_DECK_CHARS * 3),
      maxZipTotalBytes: config.IMPORT_MAX_BYTES * 4,
      maxZipEntries: 10_000,
    }, undefined, 0, new SeriesImportPlacement(prisma)),
    exports: new ExportService(decks, media, new HtmlExporter(fileURLToPath(new URL("../../node_modules", import.meta.url)))),
    close: () => rooms.closeAll(1001, "CLI done"),
  };
}

/** "90d", "12w" or "90": a number of days. */
export function parseAge(value: string): number {
  const match = /^(\d{1,5})\s*([dw]?)$/.exec(value.trim());
  if (!match) throw new LibraryUsageError(`"${value}" is not an age; write it as 90d (days) or 12w (weeks).`);
  return Number(match[1]) * (match[2] === "w" ? 7 : 1);
}

/** Every file under a folder (or the file itself), named by its path relative to the folder's parent. */
function readUpload(target: string): UploadedFile[] {
  const stat = statSync(target);
  if (stat.isFile()) return [{ name: path.basename(target), bytes: readFileSync(target) }];
  const root = path.dirname(path.resolve(target));
  const files: UploadedFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push({ name: path.relative(root, full).split(path.sep).join("/"), bytes: readFileSync(full) });
    }
  };
  walk(path.resolve(target));
  return files;
}

interface LibraryContext {
  config: Config;
  log: Logger;
  prisma: PrismaClient;
  access: AccessControl;
  databaseUrl: string;
}

export type LibraryCommand = (args: string[], context: LibraryContext) => Promise<void>;

export const libraryCommands: Record<string, LibraryCommand> = {
  import: async (args, context) => {
    const { prisma } = context;
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { owner: { type: "string" } } });
    if (positionals.length === 0) throw new LibraryUsageError("import needs a folder, a .zip or .md files.");
    let ownerId: string | null = null;
    if (values.owner) {
      const owner = await prisma.user.findUnique({ where: { email: values.owner.trim().toLowerCase() }, select: { id: true } });
      if (!owner) throw new LibraryUsageError(`No account with the email ${values.owner}.`);
      ownerId = owner.id;
    }
    const stack = openStack(context);
    try {
      const report = await stack.imports.import(positionals.flatMap(readUpload), ownerId);
      for (const deck of report.decks) {
        const repaired = deck.repairs.map((repair) => `${repair.found}→${repair.repaired} ×${repair.count}`).join(", ");
        console.log(`imported ${deck.path} as ${deck.url} "${deck.title}"${repaired ? ` (repaired ${repaired})` : ""}`);
      }
      for (const problem of report.problems) console.log(`skipped ${problem.path}: ${problem.message}`);
      console.log(`${report.decks.length} decks imported, ${report.media} images stored, ${report.problems.length} files skipped.`);
    } finally {
      await stack.close();
    }
  },
  archive: async (args, context) => {
    const { values } = parseArgs({ args, options: { "older-than": { type: "string" }, "dry-run": { type: "boolean", default: false } } });
    if (!values["older-than"]) throw new LibraryUsageError("archive needs --older-than, e.g. --older-than 90d.");
    const days = parseAge(values["older-than"]);
    const stack = openStack(context);
    try {
      const stale = await stack.library.staleDecks(days);
      for (const [index, deck] of stale.entries()) {
        if (!values["dry-run"]) await stack.library.archive(deck.id);
        console.log(`${values["dry-run"] ? "would archive" : `[${index + 1}/${stale.length}] archived`} ${deck.id} "${deck.title}" (last edited ${deck.updatedAt.slice(0, 10)})`);
      }
      console.log(`${stale.length} decks ${values["dry-run"] ? "would be archived (dry run: nothing changed)" : "archived"}.`);
    } finally {
      await stack.close();
    }
  },
  export: async (args, context) => {
    const { values } = parseArgs({
      args,
      options: { archived: { type: "boolean", default: false }, out: { type: "string" }, purge: { type: "boolean", default: false } },
    });
    if (!values.archived || !values.out) throw new LibraryUsageError("export needs --archived and --out <file.zip>.");
    const stack = openStack(context);
    try {
      const { zip } = await stack.exports.exportArchive(await stack.library.exportable());
      writeFileSync(values.out, zip);
      // Verify what is on disk, not what is in memory.
      const manifest = verifyArchive(readFileSync(values.out));
      console.log(`wrote ${values.out}: ${manifest.length} decks, every checksum verified.`);
      if (values.purge) {
        const { purged, kept } = await purgeVerifiedArchive(readFileSync(values.out), stack);
        for (const entry of kept) console.log(`kept ${entry.deckId}: ${entry.reason}`);
        console.log(`${purged.length} decks purged.`);
      }
    } finally {
      await stack.close();
    }
  },
};
