import type { CreatedApiToken, CreateTokenRequest, TokenList } from "@/core/api/tokens";
import { requireUser } from "@/server/access/request-guard";
import { RateLimitedError } from "@/server/auth/account-rate-limits";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** My API tokens (never the tokens themselves). */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    return Response.json({ tokens: await getServices().tokens.list(actor.user.id) } satisfies TokenList, { headers: { "cache-control": "no-store" } });
  });
}

/** Body: {"name": "…"}. The answer holds the token, shown this once. */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { name } = (await readJsonObject(request)) as Partial<Record<keyof CreateTokenRequest, unknown>>;
    if (typeof name !== "string") throw new ApiError("bad_request", '"name" must be a string.');
    const { tokens, rateLimits } = getServices();
    const limited = await rateLimits.take(actor.user.id, "tokens");
    if (limited) throw new RateLimitedError(limited);
    const created = await tokens.create(actor.user.id, name);
    return Response.json(created satisfies CreatedApiToken, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
