import { requireCapability } from "@/server/access/request-guard";
import { isValidDeckId } from "@/core/deck-id";
import { ApiError, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * The archived decks (or ?ids=a,b,c) as one .zip for a git repository: <year>/<yyyymmdd>-<slug>.md,
 * media beside each deck, manifest.json with sha256 checksums.
 */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireCapability(request, "archive");
    const idsParam = new URL(request.url).searchParams.get("ids");
    const ids = idsParam ? idsParam.split(",").filter(Boolean) : undefined;
    if (ids && !ids.every(isValidDeckId)) throw new ApiError("bad_request", "Malformed deck id in ids.");
    const { library, exports } = getServices();
    const { zip, manifest } = await exports.exportArchive(await library.exportable(ids));
    const date = new Date().toISOString().slice(0, 10);
    return new Response(Buffer.from(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="podium-archive-${date}.zip"`,
        "cache-control": "no-store",
        "x-podium-decks": String(manifest.length),
      },
    });
  });
}
