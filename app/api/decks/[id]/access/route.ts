import { isAccessLevel } from "@/core/access";
import type { DeckAccessInfo, DeckAccessSettings, UpdateAccessRequest } from "@/core/api/access";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** My role on the deck; the settings too when I may change them. */
export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { role } = await requireDeckRole(request, id, "read");
    const settings = role === "owner" ? await getServices().access.settings(id) : null;
    const body: DeckAccessInfo = { role, settings };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  });
}

/** Body: {"memberAccess"?: "none"|"read"|"write", "guestAccess"?: …}. Owners and admins only. */
export function PATCH(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "owner");
    const body = await readJsonObject(request);
    const change: UpdateAccessRequest = {};
    for (const field of ["memberAccess", "guestAccess"] as const) {
      if (body[field] === undefined) continue;
      if (!isAccessLevel(body[field])) throw new ApiError("bad_request", `"${field}" must be "none", "read" or "write".`);
      change[field] = body[field];
    }
    const settings: DeckAccessSettings = await getServices().access.updateSettings(id, change);
    return Response.json(settings);
  });
}
