import type { ConnectRepositoryRequest } from "@/core/api/publishing";
import { requireAdmin } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** The connected repository (never its token: only hasToken) and every deck's publication status. */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    return Response.json(await getServices().publishing.state(), { headers: { "cache-control": "no-store" } });
  });
}

/**
 * Connects (or changes) the repository: {"url", "branch"?, "token"? (omit: keep; null: remove),
 * "publishOnArchive"?}. Checked first (is it a repository, may Podium push); 400 with the reason if not.
 */
export function PUT(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    const { url, branch, token, publishOnArchive } = await readJsonObject(request);
    if (branch !== undefined && typeof branch !== "string") throw new ApiError("bad_request", '"branch" must be a string.');
    if (token !== undefined && token !== null && typeof token !== "string") throw new ApiError("bad_request", '"token" must be a string or null.');
    if (publishOnArchive !== undefined && typeof publishOnArchive !== "boolean") throw new ApiError("bad_request", '"publishOnArchive" must be true or false.');
    const body: ConnectRepositoryRequest = { url: url as string, branch, token, publishOnArchive };
    return Response.json(await getServices().publishing.connect(body), { headers: { "cache-control": "no-store" } });
  });
}

/** Disconnects the repository (the local clone stays on disk, with any commit not pushed yet). */
export function DELETE(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    await getServices().publishing.disconnect();
    return new Response(null, { status: 204 });
  });
}
