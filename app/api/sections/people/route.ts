// GET /api/sections/people?deck=<id>: who a section of the deck can be assigned to (writers of the deck only).
import type { SectionPeopleResponse } from "@/core/api/sections";
import { handleAccessApi, requireDeckRole } from "@/server/access/request-guard";
import { deckIdParam } from "@/server/http/api-response";
import { sectionPeople } from "@/server/sections/my-sections";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleAccessApi(async () => {
    const id = deckIdParam(new URL(request.url).searchParams.get("deck") ?? "");
    await requireDeckRole(request, id, "write");
    const body: SectionPeopleResponse = { people: await sectionPeople(getServices().prisma, id) };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  });
}
