import { requireDeckRole } from "@/server/access/request-guard";
import { ApiError, deckIdParam, handleApi, notFound, readBodyText } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "read");
    const markdown = await getServices().decks.markdown(id);
    if (markdown === null) throw notFound();
    return new Response(markdown, {
      headers: { "content-type": "text/markdown; charset=utf-8", "cache-control": "no-store" },
    });
  });
}

export function PUT(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "write");
    const { decks, maxDeckChars } = getServices();
    const contentType = request.headers.get("content-type") ?? "";
    if (contentType && !/^(text\/|application\/octet-stream)/i.test(contentType)) {
      throw new ApiError("unsupported_media_type", "Send the deck as text/markdown or text/plain.");
    }
    // UTF-8 needs at most three bytes per UTF-16 code unit.
    const markdown = await readBodyText(request, maxDeckChars * 3);
    if (!(await decks.replaceMarkdown(id, markdown))) throw notFound();
    return new Response(null, { status: 204 });
  });
}
