import type { UserList } from "@/core/api/admin";
import { requireAdmin } from "@/server/access/request-guard";
import { handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    await requireAdmin(request);
    return Response.json({ users: await getServices().accounts.list() } satisfies UserList, { headers: { "cache-control": "no-store" } });
  });
}
