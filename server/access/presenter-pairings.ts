// Pairing a phone (or a second laptop) with a deck's slideshow: someone who may edit the deck asks
// for a pairing and shows its link as a QR code; the device that opens it redeems the code, once,
// before it expires (PAIRING_CODE_TTL_MS), and gets a device secret of its own for the deck's
// WebSocket (`/ws/<id>?pairing=<secret>`), valid for PAIRING_SESSION_TTL_MS unless revoked. A
// paired connection reads the deck and steers the slideshow of the account that paired it
// (server/sync/presenter-channel.ts), never edits it, and only while that account may still edit
// the deck. Only SHA-256 hashes of the code and the secret are stored (both are random: no salt or
// slow hash needed; the code's 60 bits live for minutes). Revoking closes the device's connections.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { allows } from "../../core/access";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { PrismaClient } from "../db/prisma";
import type { AccessControl } from "./access-control";
import type { LiveConnection } from "./live-access";
import type { CreatedPairing, RedeemedPairing } from "../../core/api/pairings";
export type { CreatedPairing, RedeemedPairing };

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
export const PAIRING_SESSION_TTL_MS = 12 * 3_600_000;
/** Crockford's base32: no I, L, O or U, so a code read off a screen is typed right. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 12;

/** A valid pairing behind a WebSocket upgrade. */
export interface ActivePairing {
  id: string;
  deckId: string;
  createdById: string;
  creatorName: string;
}

const hash = (value: string) => createHash("sha256").update(value).digest("hex");

/** The code as typed: case, spaces and dashes do not matter. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").slice(0, 64);
}

export class PresenterPairings {
  private readonly live = new Map<string, Set<LiveConnection>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly access: AccessControl,
    private readonly now: () => number = Date.now,
  ) {}

  async create(deckId: string, userId: string): Promise<CreatedPairing> {
    let code = "";
    for (let index = 0; index < CODE_LENGTH; index++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    const expiresAt = new Date(this.now() + PAIRING_CODE_TTL_MS);
    const id = randomUUID();
    await this.prisma.presenterPairing.create({ data: { id, deckId, createdById: userId, codeHash: hash(code), expiresAt } });
    return { id, code: code.match(/.{4}/g)!.join("-"), expiresAt: expiresAt.toISOString() };
  }

  /** Redeems a code once; null when it is unknown, used, revoked or expired. */
  async redeem(deckId: string, code: string): Promise<RedeemedPairing | null> {
    const secret = randomBytes(32).toString("base64url");
    const now = new Date(this.now());
    const sessionExpiresAt = new Date(this.now() + PAIRING_SESSION_TTL_MS);
    const codeHash = hash(normalizePairingCode(code));
    // One statement: two devices racing for one code cannot both win it.
    const { count } = await this.prisma.presenterPairing.updateMany({
      where: { codeHash, deckId, redeemedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { redeemedAt: now, sessionHash: hash(secret), sessionExpiresAt },
    });
    if (count !== 1) return null;
    const row = await this.prisma.presenterPairing.findUnique({ where: { codeHash }, select: { id: true } });
    return row ? { pairingId: row.id, secret, expiresAt: sessionExpiresAt.toISOString() } : null;
  }

  /** The pairing behind a device secret, if it is valid for this deck and its creator may still edit it. */
  async authenticate(deckId: string, secret: string): Promise<ActivePairing | null> {
    if (secret.length > 128) return null;
    const row = await this.prisma.presenterPairing.findUnique({ where: { sessionHash: hash(secret) } });
    if (!row || row.deckId !== deckId || row.revokedAt || !row.sessionExpiresAt || row.sessionExpiresAt.getTime() <= this.now()) return null;
    const creator = await this.access.actors.refresh(row.createdById);
    if (!creator) return null;
    const role = await this.access.deckRole({ kind: "user", user: creator, via: "token" }, deckId);
    if (role === null || !allows(role, "write")) return null;
    return { id: row.id, deckId, createdById: row.createdById, creatorName: creator.name };
  }

  /** Revokes a pairing of this deck made by this account (or any, for `anyCreator`); false when there is none. */
  async revoke(deckId: string, pairingId: string, userId: string, anyCreator = false): Promise<boolean> {
    const { count } = await this.prisma.presenterPairing.updateMany({
      where: { id: pairingId, deckId, revokedAt: null, ...(anyCreator ? {} : { createdById: userId }) },
      data: { revokedAt: new Date(this.now()) },
    });
    if (count === 0) return false;
    for (const connection of this.live.get(pairingId) ?? []) connection.close(WsCloseCode.accessRevoked, "This device's pairing was revoked.");
    return true;
  }

  /** Tracks a paired connection, so a revocation closes it; call the result when it closes. */
  watch(pairingId: string, connection: LiveConnection): () => void {
    let set = this.live.get(pairingId);
    if (!set) this.live.set(pairingId, (set = new Set()));
    set.add(connection);
    return () => {
      set.delete(connection);
      if (set.size === 0 && this.live.get(pairingId) === set) this.live.delete(pairingId);
    };
  }
}
