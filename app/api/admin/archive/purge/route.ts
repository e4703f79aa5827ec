import { requireCapability } from "@/server/access/request-guard";
import { handleApi, readBodyBytes } from "@/server/http/api-response";
import { purgeVerifiedArchive } from "@/server/library/archive-verify";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Purges decks for good after a verified export: the body is the export .zip as saved; it is
 * re-read and every file checked against manifest.json's checksums, and each deck it holds must
 * be archived and match what an export of its stored text and media gives now. Only then are those decks deleted. 200 {"purged": [ids], "kept": [{deckId, reason}]}.
 */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireCapability(request, "purge");
    const { maxImportBytes, library, exports } = getServices();
    return Response.json(await purgeVerifiedArchive(await readBodyBytes(request, maxImportBytes), { library, exports }));
  });
}
