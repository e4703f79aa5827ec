import type { DeckAccessSettings, GrantRequest } from "@/core/api/access";
import { isAccessLevel } from "@/core/access";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Body: {"email": "…", "level": "none"|"read"|"write"}: gives that address's verified owner this level on the deck. */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, id, "owner");
    const { email, level } = (await readJsonObject(request)) as Partial<Record<keyof GrantRequest, unknown>>;
    if (typeof email !== "string" || email.trim() === "") throw new ApiError("bad_request", '"email" must be the email of a Podium account.');
    if (!isAccessLevel(level)) throw new ApiError("bad_request", '"level" must be "none", "read" or "write".');
    // An address nobody has verified yet gets a pending share and an invitation link instead.
    const settings: DeckAccessSettings = await getServices().access.grant(id, email, level, actor.kind === "user" ? actor.user.id : null);
    return Response.json(settings);
  });
}
