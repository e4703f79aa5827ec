// The REST route handlers' one wrapper and helpers: every route's body runs inside handleApi,
// which turns any PodiumError (core/api/errors.ts, from whichever bundle threw it) into the
// contract's {"error": {code, message}} with the status of the code, and anything unexpected into
// a logged 500, so bad input never surfaces as a crash. Also bounded body reading.
import { isPodiumError, PodiumError, statusOf, type ApiErrorBody, type ApiErrorCode, type PodiumErrorOptions } from "../../core/api/errors";
import { isValidDeckId } from "../../core/deck-id";

/** An error a route raises itself ("Malformed deck id."); services throw their own PodiumError subclasses. */
export class ApiError extends PodiumError {
  override name = "ApiError";
  constructor(code: ApiErrorCode, message: string, options?: PodiumErrorOptions) {
    super(code, message, options);
  }
}

/** The contract's error answer for a code (routes throw instead; handleApi calls this). */
export function errorResponse(code: ApiErrorCode, message: string, options: PodiumErrorOptions = {}): Response {
  const body: ApiErrorBody = { error: { code, message } };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (options.retryAfterSeconds !== undefined) headers["retry-after"] = String(options.retryAfterSeconds);
  return Response.json(body, { status: statusOf(code), headers });
}

export function notFound(what = "No deck with this id."): ApiError {
  return new ApiError("not_found", what);
}

/** Validates a deck id from the URL (400 when malformed). */
export function deckIdParam(id: string): string {
  if (!isValidDeckId(id)) throw new ApiError("bad_request", "Malformed deck id.");
  return id;
}

/** Reads the body as UTF-8 text, refusing (413) more than `maxBytes` without buffering it all. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "The body is not valid UTF-8.");
  }
}

/** Reads the body as bytes, refusing (413) more than `maxBytes` without buffering it all. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("bad_request", "The body is not valid JSON.");
  }
}

/** The JSON body as an object (400 otherwise). */
export async function readJsonObject(request: Request, maxBytes = 64 * 1024): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, maxBytes);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError("bad_request", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}

/** The one route wrapper: runs a route's body and answers its PodiumErrors in the contract's shape. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isPodiumError(error)) return errorResponse(error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds });
    console.error("podium: unexpected error in API route", error);
    return errorResponse("internal", "Something went wrong on the server.");
  }
}
