import { handleApi, notFound } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

const FILE = /^([0-9a-f]{64})\.([a-z]{3,4})$/;

/**
 * A stored image, by the SHA-256 of its bytes (so it never changes: cached for a year). Served
 * with the type read from its bytes, never sniffed by the browser, and — for SVG, which can carry
 * scripts (HedgeDoc's GHSA-3983-rrqh-mvx5) — in a CSP sandbox that runs nothing and loads nothing.
 */
export function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  return handleApi(async () => {
    const match = FILE.exec((await context.params).file);
    if (!match) throw notFound("No such image.");
    const stored = await getServices().media.get(match[1]!);
    if (!stored) throw notFound("No such image.");
    const headers: Record<string, string> = {
      "content-type": stored.type,
      "content-length": String(stored.bytes.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "cross-origin-resource-policy": "cross-origin",
    };
    if (stored.type === "image/svg+xml") {
      headers["content-security-policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'";
      headers["content-disposition"] = "inline";
    }
    return new Response(Buffer.from(stored.bytes), { headers });
  });
}
