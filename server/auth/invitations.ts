// Invitation links (/invite/<token>): made by admins (/admin, `npm run cli -- invite create`) and,
// bound to one address, by deck owners sharing with someone who has no verified account yet.
// The token is an HMAC of the id under AUTH_SECRET, so admins can copy a link again later while a
// database leak alone reveals none (only the token's SHA-256 is stored, for the look-up).
import { createHash, createHmac, randomUUID } from "node:crypto";
import type { UserRole } from "../../core/access";
import { toUserRole } from "../../core/access";
import type { PrismaClient } from "../db/prisma";
import type { InvitationCandidate } from "./sign-up-policy";
import { PodiumError } from "../../core/api/errors";
import type { InvitationSummary } from "../../core/api/invitations";
export type { InvitationSummary };

/** The cookie the invite page sets, so both email sign-up and the OIDC callback carry the token. */
export const INVITATION_COOKIE = "podium_invitation";
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_INVITATION_DAYS = 365;
/** A share with an unverified address waits this long for its owner. */
export const SHARE_INVITATION_DAYS = 30;

export class InvitationError extends PodiumError {
  override name = "InvitationError";
  constructor(
    /** invalid: used up, expired, revoked or for another address (409). */
    readonly reason: "bad_request" | "not_found" | "invalid",
    message: string,
  ) {
    super(reason === "invalid" ? "conflict" : reason, message);
  }
}

export interface NewInvitation {
  email?: string | null;
  role?: UserRole;
  /** null or undefined: any number of uses until it expires. */
  maxUses?: number | null;
  expiresInDays?: number;
  createdById?: string | null;
}

interface InvitationRow {
  id: string;
  email: string | null;
  role: string;
  maxUses: number | null;
  uses: number;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy?: { email: string } | null;
}

export class Invitations {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secret: string,
    readonly publicUrl: string,
  ) {}

  tokenFor(id: string): string {
    return createHmac("sha256", this.secret).update(`invitation:${id}`).digest("base64url");
  }

  async create(input: NewInvitation): Promise<InvitationSummary> {
    const email = input.email?.trim().toLowerCase() || null;
    if (email !== null && !EMAIL.test(email)) throw new InvitationError("bad_request", `"${input.email}" is not an email address.`);
    const days = input.expiresInDays ?? 7;
    if (!Number.isFinite(days) || days <= 0 || days > MAX_INVITATION_DAYS) {
      throw new InvitationError("bad_request", `An invitation expires after 1 to ${MAX_INVITATION_DAYS} days.`);
    }
    const maxUses = input.maxUses ?? null;
    if (maxUses !== null && (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 100_000)) {
      throw new InvitationError("bad_request", "An invitation's number of uses must be a whole number from 1 to 100000 (or unlimited).");
    }
    const id = randomUUID();
    const row = await this.prisma.invitation.create({
      data: {
        id,
        tokenHash: hash(this.tokenFor(id)),
        email,
        role: input.role ?? "member",
        maxUses,
        expiresAt: new Date(Date.now() + days * DAY_MS),
        createdById: input.createdById ?? null,
      },
      include: { createdBy: { select: { email: true } } },
    });
    return this.summary(row);
  }

  /** An active invitation bound to this address, made on a share; a new one when there is none. */
  async forSharedAddress(email: string, createdById: string | null): Promise<InvitationSummary> {
    const rows = await this.prisma.invitation.findMany({
      where: { email, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      include: { createdBy: { select: { email: true } } },
    });
    const active = rows.map((row) => this.summary(row)).find((invitation) => invitation.status === "active");
    if (active) return active;
    return this.create({ email, role: "member", maxUses: 1, expiresInDays: SHARE_INVITATION_DAYS, createdById });
  }

  async list(): Promise<InvitationSummary[]> {
    const rows = await this.prisma.invitation.findMany({ orderBy: { createdAt: "desc" }, include: { createdBy: { select: { email: true } } } });
    return rows.map((row) => this.summary(row));
  }

  async revoke(id: string): Promise<InvitationSummary> {
    await this.prisma.invitation.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await this.prisma.invitation.findUnique({ where: { id }, include: { createdBy: { select: { email: true } } } });
    if (!row) throw new InvitationError("not_found", "No invitation with this id.");
    return this.summary(row);
  }

  /** The invitation a token names, usable or not; null for a token that names none. */
  async find(token: string): Promise<(InvitationCandidate & { summary: InvitationSummary }) | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const row = await this.prisma.invitation.findUnique({ where: { tokenHash: hash(token) }, include: { createdBy: { select: { email: true } } } });
    if (!row) return null;
    const summary = this.summary(row);
    return { id: row.id, email: row.email, role: toUserRole(row.role), usable: summary.status === "active", summary };
  }

  /** Takes one use, atomically (two people racing for a single-use link: one wins); false when none is left. */
  async consume(id: string): Promise<boolean> {
    const taken = await this.prisma.$executeRaw`
      UPDATE invitation SET uses = uses + 1
      WHERE id = ${id} AND revoked_at IS NULL AND expires_at > now() AND (max_uses IS NULL OR uses < max_uses)`;
    return taken > 0;
  }

  private summary(row: InvitationRow): InvitationSummary {
    const status = row.revokedAt ? "revoked" : row.expiresAt.getTime() <= Date.now() ? "expired" : row.maxUses !== null && row.uses >= row.maxUses ? "used" : "active";
    return {
      id: row.id,
      email: row.email,
      role: toUserRole(row.role),
      maxUses: row.maxUses,
      uses: row.uses,
      expiresAt: row.expiresAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.email ?? null,
      status,
      path: `/invite/${this.tokenFor(row.id)}`,
    };
  }
}

function hash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The invitation token from a Cookie header, if any. */
export function invitationTokenFromCookies(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === INVITATION_COOKIE) return decodeURIComponent(value.join("=")) || null;
  }
  return null;
}
