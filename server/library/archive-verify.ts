// Before archived decks are purged, their export is verified: the .zip is re-read and every file
// the manifest names is compared with its checksum. Anything missing or different stops the purge.
// Checksums written inside an uploaded zip prove only that the zip agrees with itself: each deck is
// then exported again from what is stored, and purged only if the zip holds exactly that.
import { strFromU8, unzipSync } from "fflate";
import { sha256, type ManifestEntry } from "./deck-bundle";
import type { ExportService } from "./export-service";
import type { LibraryService } from "./library-service";
import { PodiumError } from "../../core/api/errors";
import type { PurgeResult } from "../../core/api/admin";
export type { PurgeResult };

/**
 * Purges the decks a verified archive holds, each only if the archive holds its stored text and
 * media as an export made now would (and it is archived: LibraryService.purgeExported).
 */
export async function purgeVerifiedArchive(zip: Uint8Array, services: { library: LibraryService; exports: ExportService }): Promise<PurgeResult> {
  const manifest = verifyArchive(zip);
  const stored = await services.exports.exportArchive(await services.library.exportable(manifest.map((entry) => entry.deckId)));
  const storedById = new Map(stored.manifest.map((entry) => [entry.deckId, entry]));
  const kept: PurgeResult["kept"] = [];
  const matching: ManifestEntry[] = [];
  for (const entry of manifest) {
    const now = storedById.get(entry.deckId);
    if (!now) kept.push({ deckId: entry.deckId, reason: "no such deck (already purged?)" });
    else if (!sameContent(entry, now)) kept.push({ deckId: entry.deckId, reason: "the export does not hold this deck's stored text and media; export it again" });
    else matching.push(entry);
  }
  const result = await services.library.purgeExported(matching);
  return { purged: result.purged, kept: [...kept, ...result.kept] };
}

function sameContent(exported: ManifestEntry, stored: ManifestEntry): boolean {
  if (exported.sha256 !== stored.sha256) return false;
  const storedMedia = new Set(stored.media.map((file) => file.sha256));
  return exported.media.length === stored.media.length && exported.media.every((file) => storedMedia.has(file.sha256));
}

export class ArchiveVerificationError extends PodiumError {
  override name = "ArchiveVerificationError";
  constructor(message: string) {
    super("bad_request", message);
  }
}

/**
 * Re-reads an archive .zip and checks every file the manifest names against its checksum.
 * Returns the manifest; throws ArchiveVerificationError naming the first problem.
 */
export function verifyArchive(zip: Uint8Array): ManifestEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw new ArchiveVerificationError(`The export is not a readable zip archive (${(error as Error).message}).`);
  }
  const manifestFile = files["manifest.json"];
  if (!manifestFile) throw new ArchiveVerificationError("The export has no manifest.json.");
  let manifest: { format?: unknown; decks?: ManifestEntry[] };
  try {
    manifest = JSON.parse(strFromU8(manifestFile)) as typeof manifest;
  } catch {
    throw new ArchiveVerificationError("The export's manifest.json is not valid JSON.");
  }
  if (manifest.format !== "podium-archive/1" || !Array.isArray(manifest.decks)) {
    throw new ArchiveVerificationError("The export's manifest.json is not a Podium archive manifest.");
  }
  for (const entry of manifest.decks) {
    for (const file of [{ path: entry.path, sha256: entry.sha256 }, ...entry.media]) {
      const bytes = files[file.path];
      if (!bytes) throw new ArchiveVerificationError(`${file.path} is listed in the manifest but missing from the export.`);
      if (sha256(bytes) !== file.sha256) throw new ArchiveVerificationError(`${file.path} does not match its checksum in the manifest.`);
    }
  }
  return manifest.decks;
}

