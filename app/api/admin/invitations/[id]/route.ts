import type { InvitationSummary } from "@/core/api/invitations";
import { requireAdmin } from "@/server/access/request-guard";
import { ApiError, handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** Revokes the invitation: its link lets nobody in any more (accounts made through it stay). */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    const { id } = await context.params;
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new ApiError("bad_request", "Malformed invitation id.");
    const revoked: InvitationSummary = await getServices().invitations.revoke(id);
    return Response.json(revoked);
  });
}
