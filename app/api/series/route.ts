import { checkSeriesInput, type SeriesList } from "@/core/api/series";
import { requireUser } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** The series, each with its next and latest call the caller may read (core/api/series.ts). */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const body: SeriesList = { series: await getServices().series.list(actor) };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  });
}

/** A new series owned by the caller: {name, folder, cadenceDays?, weekday?, …} → 201 SeriesSummary. */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const check = checkSeriesInput(await readJsonObject(request), true);
    if (!check.ok) throw new ApiError("bad_request", check.message);
    const { name, folder, ...rest } = check.value;
    const created = await getServices().series.create({ ...rest, name: name!, folder: folder! }, actor);
    return Response.json(created, { status: 201, headers: { location: created.url } });
  });
}
