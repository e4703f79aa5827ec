// The rule itself: what one actor may do with one deck. Pure, so the matrix of cases is easy to
// read and to test; everything that asks "may they?" ends here.
import { higher, type AccessLevel, type DeckRole } from "../../core/access";
import type { Actor } from "./actor";

export interface DeckPolicy {
  /** null for decks made before accounts existed: the admins own those. */
  ownerId: string | null;
  memberAccess: AccessLevel;
  guestAccess: AccessLevel;
  /** This actor's own grant on the deck, if any. */
  grant: AccessLevel | null;
}

export function deckAccess(actor: Actor, policy: DeckPolicy): DeckRole {
  if (actor.kind === "guest") return policy.guestAccess;
  if (actor.user.role === "admin" || actor.user.id === policy.ownerId) return "owner";
  // A signed-in member may always do at least what a guest may.
  return higher(higher(policy.memberAccess, policy.guestAccess), policy.grant ?? "none");
}
