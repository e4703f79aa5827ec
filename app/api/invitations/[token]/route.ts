import type { AcceptedInvitation } from "@/core/api/invitations";
import { requireUser } from "@/server/access/request-guard";
import { handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ token: string }>;
}

/**
 * A signed-in person accepts an invitation: one bound to their address verifies it and hands
 * them the decks shared with it; an admin invitation makes them admin. 200 {"verified", "role"}.
 */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { token } = await context.params;
    const { signUp, access } = getServices();
    const result = await signUp.accept(actor.user, token);
    access.announce({ userId: actor.user.id });
    return Response.json(result satisfies AcceptedInvitation);
  });
}
