// Deck permissions, shared by the access module, the REST routes, the editor and the Share dialog
// (docs/access.md explains them and how HedgeDoc's levels map onto them).
import type { DeckAccessInfo, DeckAccessSettings, PendingGrantInfo, DeckGrantInfo } from "./api/access";
export type { DeckAccessInfo, DeckAccessSettings, PendingGrantInfo, DeckGrantInfo };

/** What a group (signed-in members, guests) or one user may do with a deck. */
export const ACCESS_LEVELS = ["none", "read", "write"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** What one actor may do with one deck: an access level, or everything (owners and admins). */
export type DeckRole = AccessLevel | "owner";

const RANK: Record<DeckRole, number> = { none: 0, read: 1, write: 2, owner: 3 };

export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === "string" && (ACCESS_LEVELS as readonly string[]).includes(value);
}

/** Does `role` allow at least `needed`? */
export function allows(role: DeckRole, needed: DeckRole): boolean {
  return RANK[role] >= RANK[needed];
}

export function higher(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

export type UserRole = "admin" | "member";

/** better-auth's stored role (a comma-separated list) as ours. */
export function toUserRole(stored: string | null | undefined): UserRole {
  return (stored ?? "").split(",").map((role) => role.trim()).includes("admin") ? "admin" : "member";
}

/** The signed-in person, as pages and the UI see them. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

/** Why the editor became read-only or closed, shown to the user. */
export const ACCESS_MESSAGES = {
  readOnly: "You can read this deck but not edit it.",
  downgraded: "Your access to this deck was changed to read only.",
  locked: "This deck was locked after the call: it is read-only now.",
  revoked: "Your access to this deck was removed.",
  upgraded: "Your access to this deck changed.",
} as const;
