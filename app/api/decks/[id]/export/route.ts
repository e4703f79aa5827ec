import { EXPORT_FORMATS, type ExportFormat } from "@/core/api/decks";
import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/** ?format=md (default) | html (self-contained, presents offline) | zip (deck.md, media/, meta.json). */
export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const format = new URL(request.url).searchParams.get("format") ?? "md";
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ApiError("bad_request", '"format" must be md, html or zip.');
    await requireDeckRole(request, id, "read");
    const file = await getServices().exports.exportDeck(id, format as ExportFormat);
    if (!file) throw notFound();
    return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
      headers: {
        "content-type": file.type,
        "content-disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
