// better-auth's own endpoints (sign-up, sign-in, sign-out, OIDC redirects and callbacks, session),
// served by the instance the server built (server/auth/better-auth.ts). better-auth answers its
// own errors ({"code", "message"}); the wrapper only catches what it throws.
import { handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

function handle(request: Request): Promise<Response> {
  return handleApi(() => getServices().auth.handler(request));
}

export { handle as GET, handle as POST };
