// Invitations and the sign-up policy: /api/admin/invitations[/<id>], /api/invitations/<token> (docs/api.md).
import type { UserRole } from "../access";

export type SignUpMode = "open" | "invite" | "closed";

export interface SignUpSettings {
  mode: SignUpMode;
  /** With mode open: only these email domains (lower case); empty: any. */
  domains: string[];
  /** "open": every account of the OIDC provider may join, whatever `mode` says. */
  oidc: "policy" | "open";
}

export interface InvitationSummary {
  id: string;
  email: string | null;
  role: UserRole;
  maxUses: number | null;
  uses: number;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  createdBy: string | null;
  /** "active", or why it no longer lets anyone in. */
  status: "active" | "expired" | "revoked" | "used";
  /** Path of the link (/invite/<token>); prefix PUBLIC_URL for a shareable address. */
  path: string;
}

/** GET /api/admin/invitations: newest first. */
export interface InvitationList {
  signUp: SignUpSettings;
  invitations: InvitationSummary[];
}

/** POST /api/admin/invitations: answered 201 with the InvitationSummary. */
export interface CreateInvitationRequest {
  email?: string | null;
  role?: UserRole;
  /** null: any number of uses until it expires. */
  maxUses?: number | null;
  expiresInDays?: number;
}

/** POST /api/invitations/<token> */
export interface AcceptedInvitation {
  verified: boolean;
  role: UserRole;
}
