// The access module's face towards REST route handlers: resolve the actor, check CSRF for cookie
// sessions, and demand a deck role, throwing the contract's errors (401/403/404) otherwise.
import { allows, type DeckRole } from "../../core/access";
import { ApiError } from "../http/api-response";
import { getServices } from "../services";
import type { Actor } from "./actor";
import { isSameOrigin, isStateChanging } from "./csrf";
import { libraryCapability, type LibraryCapability } from "./deck-access";

export type UserActor = Extract<Actor, { kind: "user" }>;

export async function requireActor(request: Request): Promise<Actor> {
  const { access, trustedOrigins } = getServices();
  // A bad token throws AuthenticationError (401).
  const actor = await access.resolveActor(request.headers);
  if (actor.kind === "user" && actor.via === "session" && isStateChanging(request.method) && !isSameOrigin(request.headers, trustedOrigins)) {
    throw new ApiError("forbidden", "Cross-site request refused: send it from Podium's own pages, or use an API token.");
  }
  return actor;
}

export async function requireUser(request: Request): Promise<UserActor> {
  const actor = await requireActor(request);
  if (actor.kind === "guest") throw new ApiError("unauthorized", "Sign in (or send an API token) first.");
  return actor;
}

/** A signed-in actor holding a library-wide capability (archive, trash, purge); else 401 or 403. */
export async function requireCapability(request: Request, capability: LibraryCapability): Promise<UserActor> {
  const actor = await requireUser(request);
  if (!libraryCapability(actor, capability)) throw new ApiError("forbidden", "Only admins may do this.");
  return actor;
}

export async function requireAdmin(request: Request): Promise<UserActor> {
  const actor = await requireUser(request);
  if (actor.user.role !== "admin") throw new ApiError("forbidden", "Only admins may do this.");
  return actor;
}

/** The actor and their role on the deck, when it allows `needed`; else 401, 403 or 404. */
export async function requireDeckRole(request: Request, deckId: string, needed: DeckRole): Promise<{ actor: Actor; role: DeckRole }> {
  const actor = await requireActor(request);
  const role = await getServices().access.deckRole(actor, deckId);
  if (role === null) throw new ApiError("not_found", "No deck with this id.");
  if (allows(role, needed)) return { actor, role };
  throw refusal(actor, role, needed);
}

function refusal(actor: Actor, role: DeckRole, needed: DeckRole): ApiError {
  if (actor.kind === "guest") {
    return new ApiError("unauthorized", role === "none" ? "Sign in to open this deck." : "Sign in to change this deck.");
  }
  if (role === "none") return new ApiError("forbidden", "You have no access to this deck; ask its owner to share it with you.");
  if (needed === "owner") return new ApiError("forbidden", "Only the deck's owner or an admin may do this.");
  return new ApiError("forbidden", "You may read this deck but not change it.");
}
