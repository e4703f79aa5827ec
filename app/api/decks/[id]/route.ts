import { requireDeckRole } from "@/server/access/request-guard";
import { deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "read");
    const deck = await getServices().decks.get(id);
    if (!deck) throw notFound();
    return Response.json(deck);
  });
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "owner");
    if (!(await getServices().decks.delete(id))) throw notFound();
    return new Response(null, { status: 204 });
  });
}
