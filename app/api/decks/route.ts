import type { CreatedDeck, CreateDeckRequest } from "@/core/api/decks";
import { libraryCapability } from "@/server/access/deck-access";
import { requireUser } from "@/server/access/request-guard";
import { RateLimitedError } from "@/server/auth/account-rate-limits";
import { ApiError, handleApi, readJsonBody } from "@/server/http/api-response";
import { parseLibraryQuery } from "@/server/library/library-params";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    // Guests list nothing: they open what was shared with them by its link.
    const actor = await requireUser(request);
    const query = parseLibraryQuery(new URL(request.url).searchParams);
    if (query.view === "trash" && !libraryCapability(actor, "list-deleted")) {
      throw new ApiError("forbidden", "Only admins see the trash.");
    }
    return Response.json(await getServices().libraryQuery.list(actor, query), { headers: { "cache-control": "no-store" } });
  });
}

export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { decks, maxDeckChars, library, access, rateLimits } = getServices();
    const limited = await rateLimits.take(actor.user.id, "decks");
    if (limited) throw new RateLimitedError(limited);
    // JSON escapes can take six bytes per character.
    const body = await readJsonBody(request, maxDeckChars * 6 + 1024);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError("bad_request", 'The body must be a JSON object like {"markdown": "..."}.');
    }
    const { markdown, templateId } = body as Partial<Record<keyof CreateDeckRequest, unknown>>;
    if (markdown !== undefined && typeof markdown !== "string") {
      throw new ApiError("bad_request", '"markdown" must be a string.');
    }
    if (templateId !== undefined && typeof templateId !== "string") {
      throw new ApiError("bad_request", '"templateId" must be a string.');
    }
    let created: CreatedDeck;
    if (templateId !== undefined) {
      let template = library.shippedTemplate(templateId);
      if (template === null) {
        const role = /^[A-Za-z0-9_-]{1,64}$/.test(templateId) ? await access.deckRole(actor, templateId) : null;
        template = role && role !== "none" ? await decks.markdown(templateId) : null;
      }
      if (template === null) throw new ApiError("not_found", "No template with this id.");
      created = await library.createFromTemplate(template, actor.user);
    } else {
      created = await decks.create(markdown ?? "", actor.user.id);
    }
    return Response.json(created, { status: 201, headers: { location: created.url } });
  });
}
