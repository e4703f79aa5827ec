import type { PreparedCall } from "@/core/api/series";
import { requireUser } from "@/server/access/request-guard";
import { RateLimitedError } from "@/server/auth/account-rate-limits";
import { seriesIdParam } from "@/server/series/series-params";
import { getServices } from "@/server/services";
import { handleApi } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** "Prepare next call": the next date's deck from the series' template, owned by the caller → 201 PreparedCall. */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { id } = await context.params;
    const { series, rateLimits } = getServices();
    const limited = await rateLimits.take(actor.user.id, "decks");
    if (limited) throw new RateLimitedError(limited);
    const prepared: PreparedCall = await series.prepareNext(seriesIdParam(id), actor.user);
    return Response.json(prepared, { status: 201, headers: { location: prepared.url } });
  });
}
