import type { CreateInvitationRequest, InvitationList, InvitationSummary } from "@/core/api/invitations";
import { requireAdmin } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** Every invitation, newest first, with its link; and the sign-up policy it works within. */
export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    const { invitations, signUp } = getServices();
    return Response.json({ signUp: signUp.settings, invitations: await invitations.list() } satisfies InvitationList, { headers: { "cache-control": "no-store" } });
  });
}

/** Body: {"email"?: string, "role"?: "member"|"admin", "maxUses"?: number|null (null: unlimited), "expiresInDays"?: number}. */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireAdmin(request);
    const { email, role, maxUses, expiresInDays } = (await readJsonObject(request)) as Partial<Record<keyof CreateInvitationRequest, unknown>>;
    if (email !== undefined && email !== null && typeof email !== "string") throw new ApiError("bad_request", '"email" must be a string.');
    if (role !== undefined && role !== "admin" && role !== "member") throw new ApiError("bad_request", '"role" must be "admin" or "member".');
    if (maxUses !== undefined && maxUses !== null && typeof maxUses !== "number") throw new ApiError("bad_request", '"maxUses" must be a number or null.');
    if (expiresInDays !== undefined && typeof expiresInDays !== "number") throw new ApiError("bad_request", '"expiresInDays" must be a number.');
    const created = await getServices().invitations.create({ email, role, maxUses: maxUses ?? null, expiresInDays, createdById: actor.user.id });
    return Response.json(created satisfies InvitationSummary, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
