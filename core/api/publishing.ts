// REST shapes of publishing to git (app/api/admin/publishing/**, admins only). The token goes in
// (PUT) and never comes out: responses say only whether one is stored.

export type PublicationStatus = "pending" | "published" | "failed";

export interface PublishRepositoryInfo {
  /** A local path to a bare repository, or an https:// remote. */
  url: string;
  branch: string;
  hasToken: boolean;
  publishOnArchive: boolean;
  lastPushAt: string | null;
  /** Why the last push failed; null when it went through. */
  pushError: string | null;
  nextPushAt: string | null;
}

export interface DeckPublicationInfo {
  deckId: string;
  title: string;
  status: PublicationStatus;
  /** Where it is (or will be) in the repository. */
  path: string | null;
  commitSha: string | null;
  publishedAt: string | null;
  /** Why it failed (push refused, repository unreachable, …), or null. */
  error: string | null;
  attempts: number;
  /** When a pending or failed deck is tried again. */
  nextAttemptAt: string | null;
  /** Edited since it was published: publishing again commits it. */
  changedSincePublished: boolean;
}

/** A publish run in progress on the instance that answered: decks done (committed, unchanged or failed) of its total. */
export interface PublishRunProgress {
  total: number;
  done: number;
  startedAt: string;
}

/** GET /api/admin/publishing */
export interface PublishingState {
  repository: PublishRepositoryInfo | null;
  decks: DeckPublicationInfo[];
  /** null when no run is going on. */
  run: PublishRunProgress | null;
}

/** PUT /api/admin/publishing: connect (or change) the repository. Omit token to keep the stored one; null removes it. */
export interface ConnectRepositoryRequest {
  url: string;
  branch?: string;
  token?: string | null;
  publishOnArchive?: boolean;
}

/** POST /api/admin/publishing/publish: these decks, or (no deckIds) every archived deck and every deck published before. */
export interface PublishRequest {
  deckIds?: string[];
}

/** The answer of a publish run (also of POST …/publish): what each deck became. */
export interface PublishRunResult {
  committed: number;
  unchanged: number;
  pushed: boolean;
  failed: { deckId: string; error: string }[];
}
