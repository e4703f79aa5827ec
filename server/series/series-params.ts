// A series id from the URL: a malformed one is simply not found.
import { ApiError } from "../http/api-response";

export function seriesIdParam(id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new ApiError("not_found", "No series with this id.");
  return id;
}
