// GET /api/sections/mine: the signed-in person's sections across upcoming calls (server/sections/my-sections.ts).
import { requireUser } from "@/server/access/request-guard";
import { mySections } from "@/server/sections/my-sections";
import { getServices } from "@/server/services";
import { handleApi } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    return Response.json(await mySections(getServices().prisma, actor), { headers: { "cache-control": "no-store" } });
  });
}
