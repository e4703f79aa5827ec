import type { CreateRevisionRequest, RevisionList, RevisionSummary } from "@/core/api/revisions";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** The deck's revisions, newest first (read). */
export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "read");
    return Response.json({ revisions: await getServices().revisions.list(id) } satisfies RevisionList, { headers: { "cache-control": "no-store" } });
  });
}

/** {"name": "before the call"}: a named revision of the current text (write). */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, id, "write");
    const { name } = (await readJsonObject(request)) as Partial<Record<keyof CreateRevisionRequest, unknown>>;
    if (typeof name !== "string" || name.trim() === "") throw new ApiError("bad_request", '"name" must be a non-empty string.');
    const revision = await getServices().revisions.takeNamed(id, name, actor.kind === "user" ? actor.user.id : null);
    if (!revision) throw notFound();
    return Response.json(revision satisfies RevisionSummary, { status: 201 });
  });
}
