// "End call": a deck locked after its call is read-only for all but its owner and the admins
// (the rule is in server/access/deck-access.ts; PostgreSQL's trigger tells open connections).
// Locking and unlocking are written into the deck's history as named revisions, so a typo fixed
// after the call shows as "Unlocked by Ada" … "Locked after the call by Ada" around the fix.
import type { DeckLockState } from "../../core/api/sections";
import type { PrismaClient } from "../db/prisma";
import type { AccessControl } from "../access/access-control";
import type { RevisionService } from "../library/revision-service";
import { PodiumError } from "../../core/api/errors";

export class DeckLockError extends PodiumError {
  override name = "DeckLockError";
  constructor(code: "not_found", message: string) {
    super(code, message);
  }
}

export interface LockingPerson {
  id: string;
  name: string;
}

export class DeckLocks {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly revisions: Pick<RevisionService, "takeNamed">,
    private readonly access: Pick<AccessControl, "announce">,
  ) {}

  async state(deckId: string): Promise<DeckLockState> {
    const deck = await this.prisma.deck.findUnique({ where: { id: deckId }, select: { lockedAt: true, lockedById: true } });
    if (!deck) throw new DeckLockError("not_found", "No deck with this id.");
    const person = deck.lockedById ? await this.prisma.user.findUnique({ where: { id: deck.lockedById }, select: { id: true, name: true } }) : null;
    return { locked: deck.lockedAt !== null, lockedAt: deck.lockedAt?.toISOString() ?? null, lockedBy: person };
  }

  /** Locks the deck; `by` null: the series' time lock. Locking a locked deck changes nothing. */
  async lock(deckId: string, by: LockingPerson | null): Promise<DeckLockState> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, lockedAt: null }, data: { lockedAt: new Date(), lockedById: by?.id ?? null } });
    if (count > 0) {
      this.access.announce({ deckId });
      await this.revisions.takeNamed(deckId, by ? `Locked after the call by ${by.name}` : "Locked after the call (the series' time lock)", by?.id ?? null);
    }
    return this.state(deckId);
  }

  /** Unlocks the deck for a fix; unlocking an unlocked deck changes nothing. */
  async unlock(deckId: string, by: LockingPerson): Promise<DeckLockState> {
    const { count } = await this.prisma.deck.updateMany({ where: { id: deckId, lockedAt: { not: null } }, data: { lockedAt: null, lockedById: null, unlockedAt: new Date() } });
    if (count > 0) {
      this.access.announce({ deckId });
      await this.revisions.takeNamed(deckId, `Unlocked by ${by.name}`, by.id);
    }
    return this.state(deckId);
  }
}
