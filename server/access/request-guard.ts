// The access module's face towards REST route handlers: resolve the actor, check CSRF for cookie
// sessions, and demand a deck role, answering with the contract's JSON errors (401/403/404).
import { allows, type DeckRole } from "../../core/access";
import { ApiError, handleApi, readJsonBody } from "../http/api-response";
import { getServices } from "../services";
import type { Actor } from "./actor";
import { isSameOrigin, isStateChanging } from "./csrf";
import { libraryCapability, type LibraryCapability } from "./deck-access";

export type UserActor = Extract<Actor, { kind: "user" }>;

export async function requireActor(request: Request): Promise<Actor> {
  const { access, trustedOrigins } = getServices();
  let actor: Actor;
  try {
    actor = await access.resolveActor(request.headers);
  } catch (error) {
    throw asApiError(error);
  }
  if (actor.kind === "user" && actor.via === "session" && isStateChanging(request.method) && !isSameOrigin(request.headers, trustedOrigins)) {
    throw new ApiError(403, "forbidden", "Cross-site request refused: send it from Podium's own pages, or use an API token.");
  }
  return actor;
}

export async function requireUser(request: Request): Promise<UserActor> {
  const actor = await requireActor(request);
  if (actor.kind === "guest") throw new ApiError(401, "unauthorized", "Sign in (or send an API token) first.");
  return actor;
}

/** A signed-in actor holding a library-wide capability (archive, trash, purge); else 401 or 403. */
export async function requireCapability(request: Request, capability: LibraryCapability): Promise<UserActor> {
  const actor = await requireUser(request);
  if (!libraryCapability(actor, capability)) throw new ApiError(403, "forbidden", "Only admins may do this.");
  return actor;
}

export async function requireAdmin(request: Request): Promise<UserActor> {
  const actor = await requireUser(request);
  if (actor.user.role !== "admin") throw new ApiError(403, "forbidden", "Only admins may do this.");
  return actor;
}

/** The actor and their role on the deck, when it allows `needed`; else 401, 403 or 404. */
export async function requireDeckRole(request: Request, deckId: string, needed: DeckRole): Promise<{ actor: Actor; role: DeckRole }> {
  const actor = await requireActor(request);
  const role = await getServices().access.deckRole(actor, deckId);
  if (role === null) throw new ApiError(404, "not_found", "No deck with this id.");
  if (allows(role, needed)) return { actor, role };
  throw refusal(actor, role, needed);
}

function refusal(actor: Actor, role: DeckRole, needed: DeckRole): ApiError {
  if (actor.kind === "guest") {
    return new ApiError(401, "unauthorized", role === "none" ? "Sign in to open this deck." : "Sign in to change this deck.");
  }
  if (role === "none") return new ApiError(403, "forbidden", "You have no access to this deck; ask its owner to share it with you.");
  if (needed === "owner") return new ApiError(403, "forbidden", "Only the deck's owner or an admin may do this.");
  return new ApiError(403, "forbidden", "You may read this deck but not change it.");
}

// The services run in server/main.ts's copy of these modules, the route handlers in Next's bundle:
// errors are recognised by name, since `instanceof` would compare two copies of each class.
const ERROR_STATUS: Record<string, Record<string, [number, ApiError["code"]]>> = {
  AuthenticationError: { "": [401, "unauthorized"] },
  AccessError: { not_found: [404, "not_found"], "": [400, "bad_request"] },
  AccountError: { not_found: [404, "not_found"], email_taken: [409, "conflict"], "": [400, "bad_request"] },
  ApiTokenError: { "": [400, "bad_request"] },
  InvitationError: { not_found: [404, "not_found"], invalid: [409, "conflict"], "": [400, "bad_request"] },
  LibraryError: { not_found: [404, "not_found"], conflict: [409, "conflict"], "": [400, "bad_request"] },
  SeriesError: { not_found: [404, "not_found"], conflict: [409, "conflict"], forbidden: [403, "forbidden"], "": [400, "bad_request"] },
  RenameError: { "": [400, "bad_request"] },
  RevisionNotFoundError: { "": [404, "not_found"] },
  ArchiveVerificationError: { "": [400, "bad_request"] },
};

/** Turns the access and account modules' typed errors into contract errors; anything else is rethrown as is. */
export function asApiError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const byCode = ERROR_STATUS[error.name];
  if (!byCode) return error;
  const code = (error as { code?: unknown }).code;
  const [status, apiCode] = byCode[typeof code === "string" && code in byCode ? code : ""] ?? [400, "bad_request"];
  return new ApiError(status, apiCode, error.message);
}

/** handleApi for routes that call the access and account modules. */
export function handleAccessApi(run: () => Promise<Response>): Promise<Response> {
  return handleApi(async () => {
    try {
      return await run();
    } catch (error) {
      throw asApiError(error);
    }
  });
}

/** The JSON body as an object (400 otherwise). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, 64 * 1024);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(400, "bad_request", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}
