// Helpers for the REST route handlers: the error shape of the contract ({"error": {code, message}}),
// bounded body reading, and one wrapper that turns known failures into the right status and
// anything unexpected into a logged 500, so bad input never surfaces as a crash.
import type { ApiErrorBody, ApiErrorCode } from "../../core/api-types";
import { isValidDeckId } from "../../core/deck-id";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(status: number, code: ApiErrorCode, message: string): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function notFound(what = "No deck with this id."): ApiError {
  return new ApiError(404, "not_found", what);
}

/** Validates a deck id from the URL (400 when malformed). */
export function deckIdParam(id: string): string {
  if (!isValidDeckId(id)) throw new ApiError(400, "bad_request", "Malformed deck id.");
  return id;
}

/** Reads the body as UTF-8 text, refusing (413) more than `maxBytes` without buffering it all. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_request", "The body is not valid UTF-8.");
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
    throw new ApiError(400, "bad_request", "The body is not valid JSON.");
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`);
}

/** Maps thrown errors to contract responses. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message);
    if (isDeckTooLarge(error)) return errorResponse(413, "payload_too_large", error.message);
    console.error("podium: unexpected error in API route", error);
    return errorResponse(500, "internal", "Something went wrong on the server.");
  }
}

/** Duck-typed on purpose: route bundles and the server may hold different copies of the class. */
function isDeckTooLarge(error: unknown): error is Error {
  return error instanceof Error && error.name === "DeckTooLargeError";
}
