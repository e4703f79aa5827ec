import { requireCapability } from "@/server/access/request-guard";
import { deckIdParam, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** Takes a deck out of the trash (admins, within 30 days of its deletion). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireCapability(request, "restore-deleted");
    await getServices().library.restoreFromTrash(id);
    return new Response(null, { status: 204 });
  });
}
