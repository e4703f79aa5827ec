// Who may do what on one deck: /api/decks/<id>/access, …/grants, …/pending (docs/api.md, access.md).
import type { AccessLevel, DeckRole } from "../access";

/** GET /api/decks/<id>/access: the caller's own role, plus the settings when they may manage them. */
export interface DeckAccessInfo {
  role: DeckRole;
  settings: DeckAccessSettings | null;
}

/** The owner's view; also the answer of PATCH …/access and POST …/access/grants. */
export interface DeckAccessSettings {
  owner: { id: string; name: string; email: string } | null;
  memberAccess: AccessLevel;
  guestAccess: AccessLevel;
  grants: DeckGrantInfo[];
  /** Shares with addresses nobody has verified yet, waiting for their owner (docs/security.md). */
  pending: PendingGrantInfo[];
}

export interface PendingGrantInfo {
  email: string;
  level: AccessLevel;
  /** The invitation link to send them (path on this site); null when it was revoked. */
  invitePath: string | null;
}

export interface DeckGrantInfo {
  userId: string;
  name: string;
  email: string;
  level: AccessLevel;
}

/** PATCH /api/decks/<id>/access */
export interface UpdateAccessRequest {
  memberAccess?: AccessLevel;
  guestAccess?: AccessLevel;
}

/** POST /api/decks/<id>/access/grants */
export interface GrantRequest {
  email: string;
  level: AccessLevel;
}
