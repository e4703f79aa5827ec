import type { RevisionWithDiff } from "@/core/api/revisions";
import { diffLines } from "@/core/library/line-diff";
import { requireDeckRole } from "@/server/access/request-guard";
import { deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** The revision with its text and its line diff against the current text (read). */
export function GET(request: Request, context: { params: Promise<{ id: string; revisionId: string }> }): Promise<Response> {
  return handleApi(async () => {
    const { id: rawId, revisionId } = await context.params;
    const id = deckIdParam(rawId);
    await requireDeckRole(request, id, "read");
    const { revisions, decks } = getServices();
    const revision = await revisions.get(id, revisionId);
    const current = await decks.markdown(id);
    if (current === null) throw notFound();
    return Response.json({ ...revision, diff: diffLines(revision.markdown, current) } satisfies RevisionWithDiff, { headers: { "cache-control": "no-store" } });
  });
}
