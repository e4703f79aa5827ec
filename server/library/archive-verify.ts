// Before archived decks are purged, their export is verified: the .zip is re-read and every file
// the manifest names is compared with its checksum. Anything missing or different stops the purge.
import { strFromU8, unzipSync } from "fflate";
import { sha256, type ManifestEntry } from "./deck-bundle";

export class ArchiveVerificationError extends Error {
  override name = "ArchiveVerificationError";
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

