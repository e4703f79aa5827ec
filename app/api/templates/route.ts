import type { TemplateList } from "@/core/api/library";
import { requireUser } from "@/server/access/request-guard";
import { handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** What "New from template" offers: the shipped templates, then the decks marked as templates the caller may read. */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { library, libraryQuery } = getServices();
    const marked = await libraryQuery.list(actor, { view: "templates", sort: "title", pageSize: 100 });
    return Response.json({ templates: library.templates(marked.decks) } satisfies TemplateList, { headers: { "cache-control": "no-store" } });
  });
}
