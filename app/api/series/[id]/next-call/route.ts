import type { PreparedCall } from "@/core/api/series";
import { handleAccessApi, requireUser } from "@/server/access/request-guard";
import { tooManyRequests } from "@/server/auth/account-rate-limits";
import { seriesIdParam } from "@/server/series/series-params";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** "Prepare next call": the next date's deck from the series' template, owned by the caller → 201 PreparedCall. */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleAccessApi(async () => {
    const actor = await requireUser(request);
    const { id } = await context.params;
    const { series, rateLimits } = getServices();
    const limited = await rateLimits.take(actor.user.id, "decks");
    if (limited) return tooManyRequests(limited);
    const prepared: PreparedCall = await series.prepareNext(seriesIdParam(id), actor.user);
    return Response.json(prepared, { status: 201, headers: { location: prepared.url } });
  });
}
