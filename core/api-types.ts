// The REST contract's shapes, shared by route handlers, the UI and tests (see docs/api.md).

export interface DeckSummary {
  id: string;
  title: string;
  tags: string[];
  /** ISO 8601 */
  updatedAt: string;
}

export interface DeckMetadata extends DeckSummary {
  /** ISO 8601 */
  createdAt: string;
  url: string;
}

export interface CreatedDeck {
  id: string;
  url: string;
}

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "too_many_requests"
  | "unsupported_media_type"
  | "method_not_allowed"
  | "too_many_requests"
  | "unavailable"
  | "internal";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export function deckUrl(id: string): string {
  return `/d/${id}`;
}
