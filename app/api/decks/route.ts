import { requireUser } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonBody } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    // Guests list nothing: they open what was shared with them by its link.
    const actor = await requireUser(request);
    const { decks, access } = getServices();
    return Response.json({ decks: await decks.list(access.readableDecks(actor)) });
  });
}

export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { decks, maxDeckChars } = getServices();
    // JSON escapes can take six bytes per character.
    const body = await readJsonBody(request, maxDeckChars * 6 + 1024);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError(400, "bad_request", 'The body must be a JSON object like {"markdown": "..."}.');
    }
    const markdown = (body as { markdown?: unknown }).markdown;
    if (markdown !== undefined && typeof markdown !== "string") {
      throw new ApiError(400, "bad_request", '"markdown" must be a string.');
    }
    const created = await decks.create(markdown ?? "", actor.user.id);
    return Response.json(created, { status: 201, headers: { location: created.url } });
  });
}
