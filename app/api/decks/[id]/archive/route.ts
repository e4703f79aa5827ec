import { requireCapability } from "@/server/access/request-guard";
import { deckIdParam, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Archives the deck: read-only for everyone, out of the default list (admins). */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireCapability(request, "archive");
    await getServices().library.archive(id);
    return new Response(null, { status: 204 });
  });
}

/** Restores an archived deck (admins). */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireCapability(request, "archive");
    await getServices().library.unarchive(id);
    return new Response(null, { status: 204 });
  });
}
