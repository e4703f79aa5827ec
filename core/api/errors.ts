// The REST contract's error model: every failure a client can see has a stable `code`, and this
// one table gives each code its HTTP status (docs/api.md's error table is checked against it).
// Services throw PodiumError subclasses; the route wrapper (server/http/api-response.ts) turns
// them into {"error": {code, message}} with the status below.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

// The services run in server/main.ts's copy of these modules, the route handlers in Next's bundle,
// so `instanceof` would compare two copies of the class: errors carry a global brand instead.
const BRAND = Symbol.for("podium.error");

export interface PodiumErrorOptions {
  /** Sent as Retry-After (seconds) with the error: rate limits and throttles. */
  retryAfterSeconds?: number;
}

/** The base of every error meant for a client: its message is shown as is, its code decides the status. */
export class PodiumError extends Error {
  readonly [BRAND] = true;
  readonly status: number;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options: PodiumErrorOptions = {},
  ) {
    super(message);
    this.name = "PodiumError";
    this.status = ERROR_STATUS[code];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True for a PodiumError from any bundle's copy of this module. */
export function isPodiumError(error: unknown): error is PodiumError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true && typeof (error as { code?: unknown }).code === "string";
}

/** The status for a code, 500 for one this table does not know (an error from a newer copy). */
export function statusOf(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? 500;
}
