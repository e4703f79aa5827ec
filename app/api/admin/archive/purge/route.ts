import { handleAccessApi, requireCapability } from "@/server/access/request-guard";
import { readBodyBytes } from "@/server/http/api-response";
import { verifyArchive } from "@/server/library/archive-verify";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Purges decks for good after a verified export: the body is the export .zip as saved; it is
 * re-read and every file checked against manifest.json's checksums, and each deck it holds must
 * match the stored deck. Only then are those decks deleted. 200 {"purged": [ids], "kept": [{deckId, reason}]}.
 */
export function POST(request: Request): Promise<Response> {
  return handleAccessApi(async () => {
    await requireCapability(request, "purge");
    const { maxImportBytes, library } = getServices();
    const manifest = verifyArchive(await readBodyBytes(request, maxImportBytes));
    return Response.json(await library.purgeExported(manifest));
  });
}
