// The publishing routes' error mapping: PublishingError (recognised by name, as request-guard.ts
// does, since route bundles hold their own copy of the class) becomes the contract's JSON error.
import { handleAccessApi } from "../access/request-guard";
import { ApiError } from "../http/api-response";

const STATUS = { bad_request: 400, not_found: 404, conflict: 409 } as const;

export function handlePublishingApi(run: () => Promise<Response>): Promise<Response> {
  return handleAccessApi(async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Error && error.name === "PublishingError") {
        const code = (error as { code?: keyof typeof STATUS }).code ?? "bad_request";
        throw new ApiError(STATUS[code] ?? 400, code, error.message);
      }
      throw error;
    }
  });
}
