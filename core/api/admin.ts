// Administration: /api/admin/users[/<id>], /api/admin/archive[/export|/purge] (docs/api.md).
import type { UserRole, Viewer } from "../access";

export interface AccountSummary extends Viewer {
  disabled: boolean;
  createdAt: string;
}

/** GET /api/admin/users */
export interface UserList {
  users: AccountSummary[];
}

/** PATCH /api/admin/users/<id>: answered with the AccountSummary. */
export interface UpdateUserRequest {
  role?: UserRole;
  disabled?: boolean;
}

/** An active deck not edited for the given number of days. */
export interface StaleDeck {
  id: string;
  title: string;
  updatedAt: string;
}

/** GET /api/admin/archive?olderThanDays=N: oldest first. */
export interface StaleDeckList {
  decks: StaleDeck[];
}

/** POST /api/admin/archive */
export interface BulkArchiveRequest {
  olderThanDays: number;
}

/** POST /api/admin/archive's answer: the ids archived. */
export interface BulkArchiveResult {
  archived: string[];
}

/** POST /api/admin/archive/purge's answer. */
export interface PurgeResult {
  purged: string[];
  kept: { deckId: string; reason: string }[];
}
