import type { BulkArchiveRequest, BulkArchiveResult, StaleDeckList } from "@/core/api/admin";
import { requireCapability } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** ?olderThanDays=N: the active decks not edited for N days, oldest first: what a bulk archive would take. */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireCapability(request, "archive");
    const days = parseDays(new URL(request.url).searchParams.get("olderThanDays"));
    return Response.json({ decks: await getServices().library.staleDecks(days) } satisfies StaleDeckList, { headers: { "cache-control": "no-store" } });
  });
}

/** {"olderThanDays": N}: archives every deck not edited for N days. 200 {"archived": [ids]}. */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireCapability(request, "archive");
    const { olderThanDays } = (await readJsonObject(request)) as Partial<Record<keyof BulkArchiveRequest, unknown>>;
    const days = parseDays(typeof olderThanDays === "number" ? String(olderThanDays) : null);
    const { library } = getServices();
    const archived: string[] = [];
    for (const deck of await library.staleDecks(days)) {
      await library.archive(deck.id);
      archived.push(deck.id);
    }
    return Response.json({ archived } satisfies BulkArchiveResult);
  });
}

function parseDays(value: string | null): number {
  if (value === null || !/^\d{1,5}$/.test(value)) throw new ApiError("bad_request", '"olderThanDays" must be a whole number of days.');
  return Number(value);
}
