import { checkSeriesInput } from "@/core/api/series";
import { requireUser } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { seriesIdParam } from "@/server/series/series-params";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One series with its upcoming and past calls by date (SeriesDetail). */
export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { id } = await context.params;
    return Response.json(await getServices().series.get(seriesIdParam(id), actor), { headers: { "cache-control": "no-store" } });
  });
}

/** Changes a series' settings (its owner or an admin; prepareDaysAhead: admins only). */
export function PATCH(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { id } = await context.params;
    const check = checkSeriesInput(await readJsonObject(request), false);
    if (!check.ok) throw new ApiError("bad_request", check.message);
    return Response.json(await getServices().series.update(seriesIdParam(id), check.value, actor));
  });
}
