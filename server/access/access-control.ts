// THE access module: who is asking (resolveActor) and what they may do with a deck (deckRole),
// for pages, REST routes and the WebSocket upgrade alike; plus the deck's access settings, whose
// changes are announced so open connections are re-checked at once (live-access.ts).
import type { AccessLevel, DeckAccessSettings, DeckRole } from "../../core/access";
import type { PrismaClient } from "../db/prisma";
import type { Prisma } from "../db/generated/client";
import type { Invitations } from "../auth/invitations";
import { ActorResolver, type Actor } from "./actor";
import { deckAccess, deckVisible } from "./deck-access";
import { PodiumError } from "../../core/api/errors";

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type AccessChange = { deckId: string } | { userId: string };

export class AccessError extends PodiumError {
  override name = "AccessError";
  constructor(code: "not_found" | "bad_request", message: string) {
    super(code, message);
  }
}

export class AccessControl {
  private listeners = new Set<(change: AccessChange) => void>();

  constructor(
    private readonly prisma: PrismaClient,
    readonly actors: ActorResolver,
    private readonly invitations: Invitations,
  ) {}

  resolveActor(headers: Headers): Promise<Actor> {
    return this.actors.resolve(headers);
  }

  /** What the actor may do with the deck; null when there is no such deck (or it is deleted and they are no admin). */
  async deckRole(actor: Actor, deckId: string): Promise<DeckRole | null> {
    const deck = await this.prisma.deck.findUnique({
      where: { id: deckId },
      select: {
        ownerId: true,
        memberAccess: true,
        guestAccess: true,
        archivedAt: true,
        deletedAt: true,
        lockedAt: true,
        ...(actor.kind === "user" ? { grants: { where: { userId: actor.user.id }, select: { level: true } } } : {}),
      },
    });
    if (!deck) return null;
    const grant = (deck as { grants?: Array<{ level: AccessLevel }> }).grants?.[0]?.level ?? null;
    const policy = {
      ownerId: deck.ownerId,
      memberAccess: deck.memberAccess,
      guestAccess: deck.guestAccess,
      grant,
      archived: deck.archivedAt !== null,
      deleted: deck.deletedAt !== null,
      locked: deck.lockedAt !== null,
    };
    if (!deckVisible(actor, policy)) return null;
    return deckAccess(actor, policy);
  }

  /** Whether the deck is locked after its call (why a writer became a reader). */
  async isLocked(deckId: string): Promise<boolean> {
    return (await this.prisma.deck.count({ where: { id: deckId, lockedAt: { not: null } } })) > 0;
  }

  /** The decks an actor may at least read, as a Prisma filter (library listings use deck-access-sql.ts). */
  readableDecks(actor: Actor): Prisma.DeckWhereInput {
    if (actor.kind === "guest") return { deletedAt: null, guestAccess: { not: "none" } };
    if (actor.user.role === "admin") return {};
    const userId = actor.user.id;
    return {
      deletedAt: null,
      OR: [
        { ownerId: userId },
        { memberAccess: { not: "none" } },
        { guestAccess: { not: "none" } },
        { grants: { some: { userId, level: { not: "none" } } } },
      ],
    };
  }

  async settings(deckId: string): Promise<DeckAccessSettings | null> {
    const deck = await this.prisma.deck.findUnique({
      where: { id: deckId },
      select: {
        memberAccess: true,
        guestAccess: true,
        owner: { select: { id: true, name: true, email: true } },
        grants: { select: { level: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
        pendingGrants: { select: { email: true, level: true, invitationId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!deck) return null;
    const pending = deck.pendingGrants.map((grant) => ({
      email: grant.email,
      level: grant.level,
      invitePath: grant.invitationId ? `/invite/${this.invitations.tokenFor(grant.invitationId)}` : null,
    }));
    return {
      owner: deck.owner,
      memberAccess: deck.memberAccess,
      guestAccess: deck.guestAccess,
      grants: deck.grants.map((grant) => ({ userId: grant.user.id, name: grant.user.name, email: grant.user.email, level: grant.level })),
      pending,
    };
  }

  async updateSettings(deckId: string, change: { memberAccess?: AccessLevel; guestAccess?: AccessLevel }): Promise<DeckAccessSettings> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId }, data: change });
    if (count === 0) throw new AccessError("not_found", "No deck with this id.");
    this.announce({ deckId });
    return (await this.settings(deckId))!;
  }

  /**
   * Gives the owner of an address a level on the deck. Only a verified address gets a grant at
   * once; any other waits as a pending share, with an invitation link bound to that address, for
   * whoever proves they read its mail (claimPendingGrants). Whoever merely typed the address into
   * a sign-up form first gets nothing.
   */
  async grant(deckId: string, email: string, level: AccessLevel, sharedById: string | null = null): Promise<DeckAccessSettings> {
    const address = email.trim().toLowerCase();
    if (!EMAIL.test(address)) throw new AccessError("bad_request", `"${email.trim()}" is not an email address.`);
    if (!(await this.prisma.deck.count({ where: { id: deckId } }))) throw new AccessError("not_found", "No deck with this id.");
    const user = await this.prisma.user.findUnique({ where: { email: address }, select: { id: true, emailVerified: true } });
    if (user?.emailVerified) {
      await this.prisma.deckGrant.upsert({
        where: { deckId_userId: { deckId, userId: user.id } },
        create: { deckId, userId: user.id, level },
        update: { level },
      });
      await this.prisma.pendingGrant.deleteMany({ where: { deckId, email: address } });
    } else {
      const invitation = await this.invitations.forSharedAddress(address, sharedById);
      await this.prisma.pendingGrant.upsert({
        where: { deckId_email: { deckId, email: address } },
        create: { deckId, email: address, level, invitationId: invitation.id },
        update: { level, invitationId: invitation.id },
      });
    }
    this.announce({ deckId });
    return (await this.settings(deckId))!;
  }

  /** The shares waiting for a newly verified address become that account's grants. */
  async claimPendingGrants(user: { id: string; email: string }): Promise<void> {
    const address = user.email.toLowerCase();
    const pending = await this.prisma.pendingGrant.findMany({ where: { email: address } });
    if (pending.length === 0) return;
    await this.prisma.$transaction([
      ...pending.map((grant) =>
        this.prisma.deckGrant.upsert({
          where: { deckId_userId: { deckId: grant.deckId, userId: user.id } },
          create: { deckId: grant.deckId, userId: user.id, level: grant.level },
          update: { level: grant.level },
        }),
      ),
      this.prisma.pendingGrant.deleteMany({ where: { email: address } }),
    ]);
    for (const grant of pending) this.announce({ deckId: grant.deckId });
  }

  /** false when nothing was waiting for this address on the deck. */
  async removePendingGrant(deckId: string, email: string): Promise<boolean> {
    const { count } = await this.prisma.pendingGrant.deleteMany({ where: { deckId, email: email.trim().toLowerCase() } });
    return count > 0;
  }

  /** false when the user had no grant on the deck. */
  async removeGrant(deckId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.deckGrant.deleteMany({ where: { deckId, userId } });
    if (count > 0) this.announce({ deckId });
    return count > 0;
  }

  /** Tells open connections to re-check: a deck's settings, or a user's role or account, changed. */
  announce(change: AccessChange): void {
    for (const listener of this.listeners) listener(change);
  }

  onChange(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
