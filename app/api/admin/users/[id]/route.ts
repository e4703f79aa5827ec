import type { AccountSummary, UpdateUserRequest } from "@/core/api/admin";
import { requireAdmin } from "@/server/access/request-guard";
import { ApiError, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Body: {"role"?: "admin"|"member", "disabled"?: boolean}. Open connections are re-checked at once. */
export function PATCH(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireAdmin(request);
    const { id } = await context.params;
    const { role, disabled } = (await readJsonObject(request)) as Partial<Record<keyof UpdateUserRequest, unknown>>;
    if (role !== undefined && role !== "admin" && role !== "member") throw new ApiError("bad_request", '"role" must be "admin" or "member".');
    if (disabled !== undefined && typeof disabled !== "boolean") throw new ApiError("bad_request", '"disabled" must be true or false.');
    const { accounts, access } = getServices();
    let user = role ? await accounts.setRole(actor.user.id, id, role) : null;
    if (disabled !== undefined) user = await accounts.setDisabled(actor.user.id, id, disabled);
    if (!user) throw new ApiError("bad_request", 'Send "role" or "disabled".');
    access.announce({ userId: id });
    return Response.json(user satisfies AccountSummary);
  });
}
