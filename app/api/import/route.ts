import type { ImportReport } from "@/core/api/import";
import { requireUser } from "@/server/access/request-guard";
import { handleApi } from "@/server/http/api-response";
import { readUploadedFiles } from "@/server/library/upload-body";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

/**
 * Imports .md files and .zip archives of them (multipart, any number of files; or one raw file
 * named by ?name=). Each markdown file becomes a deck owned by the caller, images in a zip become
 * media. One budget per request (413 naming the limit, nothing imported), one import at a time per
 * account and IMPORTS_PER_HOUR (429 with Retry-After). 200 {"decks": [{id, url, path, title, repairs, linkedMedia}], "media": n, "problems": [{path, message}]}.
 */
export function POST(request: Request): Promise<Response> {
  return handleApi(async () => {
    const actor = await requireUser(request);
    const { imports, maxImportBytes } = getServices();
    const files = await readUploadedFiles(request, maxImportBytes, "upload.md");
    // Over the budget: 413 naming the limit (ImportLimitError); throttled: 429 with Retry-After.
    const report: ImportReport = await imports.import(files, actor.user.id);
    return Response.json(report);
  });
}

