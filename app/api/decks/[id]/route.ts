import type { DeckMetadata, UpdateDeckRequest } from "@/core/api/decks";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound, readJsonObject } from "@/server/http/api-response";
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
    return Response.json(deck satisfies DeckMetadata);
  });
}

/** {"title"?: string (write), "isTemplate"?: boolean (write), "pinned"?: boolean (read; the caller's own pin)}. */
export function PATCH(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { title, isTemplate, pinned } = (await readJsonObject(request)) as Partial<Record<keyof UpdateDeckRequest, unknown>>;
    if (title !== undefined && typeof title !== "string") throw new ApiError("bad_request", '"title" must be a string.');
    if (isTemplate !== undefined && typeof isTemplate !== "boolean") throw new ApiError("bad_request", '"isTemplate" must be true or false.');
    if (pinned !== undefined && typeof pinned !== "boolean") throw new ApiError("bad_request", '"pinned" must be true or false.');
    const { actor } = await requireDeckRole(request, id, title !== undefined || isTemplate !== undefined ? "write" : "read");
    const { library, decks } = getServices();
    if (pinned !== undefined) {
      if (actor.kind === "guest") throw new ApiError("unauthorized", "Sign in to pin decks.");
      await library.setPinned(actor.user.id, id, pinned);
    }
    if (isTemplate !== undefined) await library.setTemplate(id, isTemplate);
    if (title !== undefined) await library.rename(id, title, actor.kind === "user" ? actor.user.id : null);
    return Response.json(await decks.get(id));
  });
}

/** Moves the deck to the trash; admins can restore it for 30 days. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "owner");
    await getServices().library.trash(id);
    return new Response(null, { status: 204 });
  });
}
