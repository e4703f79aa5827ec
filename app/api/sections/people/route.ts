// GET /api/sections/people?deck=<id>: who a section of the deck can be assigned to (signed-in writers of the deck only).
import type { SectionPeopleResponse } from "@/core/api/sections";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi } from "@/server/http/api-response";
import { sectionPeople } from "@/server/sections/my-sections";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam(new URL(request.url).searchParams.get("deck") ?? "");
    const { actor } = await requireDeckRole(request, id, "write");
    // Sections are owned by accounts: guests who may write get no list of the members' names.
    if (actor.kind !== "user") throw new ApiError("unauthorized", "Sign in to assign sections.");
    const body: SectionPeopleResponse = { people: await sectionPeople(getServices().prisma, id) };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  });
}
