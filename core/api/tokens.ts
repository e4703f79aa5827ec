// Personal API tokens: /api/tokens, /api/tokens/<id> (docs/api.md).

export interface ApiTokenSummary {
  id: string;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** POST /api/tokens: 201. */
export interface CreatedApiToken extends ApiTokenSummary {
  /** The token itself: shown once, never stored. */
  token: string;
}

/** GET /api/tokens */
export interface TokenList {
  tokens: ApiTokenSummary[];
}

/** POST /api/tokens */
export interface CreateTokenRequest {
  name: string;
}
