// The access module's face towards pages (server components): the same decisions as REST and the
// WebSocket, turned into what a page does: render, send to sign-in, refuse, or not found.
import { allows, type DeckRole, type Viewer } from "../../core/access";
import type { DeckMetadata } from "../../core/api/decks";
import { isPodiumError } from "../../core/api/errors";
import { isValidDeckId } from "../../core/deck-id";
import type { AccessControl } from "./access-control";
import { GUEST, type Actor } from "./actor";

export type EditorPageAccess =
  | { kind: "editor"; role: DeckRole; viewer: Viewer | null }
  | { kind: "sign-in" }
  | { kind: "forbidden"; viewer: Viewer }
  | { kind: "not-found" };

/** The actor behind a page request; credentials that do not work count as no credentials. */
export async function pageActor(access: AccessControl, headers: Headers): Promise<Actor> {
  try {
    return await access.resolveActor(headers);
  } catch (error) {
    // AuthenticationError, recognised by its brand: pages run in Next's bundle, the services in the server's copy.
    if (isPodiumError(error) && error.code === "unauthorized") return GUEST;
    throw error;
  }
}

export function viewerOf(actor: Actor): Viewer | null {
  return actor.kind === "user" ? actor.user : null;
}

export async function editorPageAccess(access: AccessControl, headers: Headers, deckId: string): Promise<EditorPageAccess> {
  if (!isValidDeckId(deckId)) return { kind: "not-found" };
  const actor = await pageActor(access, headers);
  const role = await access.deckRole(actor, deckId);
  if (role === null) return { kind: "not-found" };
  if (allows(role, "read")) return { kind: "editor", role, viewer: viewerOf(actor) };
  return actor.kind === "guest" ? { kind: "sign-in" } : { kind: "forbidden", viewer: actor.user };
}

/**
 * What a deck page (editor, slideshow) may show: the access decision, and the deck's metadata only
 * when the visitor may read it (nobody else learns its title).
 */
export async function deckPageAccess(
  services: { access: AccessControl; decks: { get(id: string): Promise<DeckMetadata | null> } },
  headers: Headers,
  deckId: string,
): Promise<{ decision: EditorPageAccess; deck: DeckMetadata | null }> {
  const decision = await editorPageAccess(services.access, headers, deckId);
  const deck = decision.kind === "editor" ? await services.decks.get(deckId) : null;
  return { decision, deck };
}
