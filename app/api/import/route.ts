import { handleAccessApi, requireUser } from "@/server/access/request-guard";
import { errorResponse } from "@/server/http/api-response";
import type { ImportLimitError } from "@/server/library/import-budget";
import type { ImportThrottledError } from "@/server/library/import-service";
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
  return handleAccessApi(async () => {
    const actor = await requireUser(request);
    const { imports, maxImportBytes } = getServices();
    const files = await readUploadedFiles(request, maxImportBytes, "upload.md");
    try {
      return Response.json(await imports.import(files, actor.user.id));
    } catch (error) {
      // By name: the services are loaded by the server, outside Next's bundle (another copy of the classes).
      if (isError<ImportLimitError>(error, "ImportLimitError")) return errorResponse(413, "payload_too_large", error.message);
      if (isError<ImportThrottledError>(error, "ImportThrottledError")) {
        const response = errorResponse(429, "too_many_requests", error.message);
        response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      throw error;
    }
  });
}

function isError<T extends Error>(error: unknown, name: string): error is T {
  return error instanceof Error && error.name === name;
}
