// Open WebSocket connections and the access they were admitted with. When a deck's settings or a
// user's account change, each affected connection is re-checked at once: a downgrade to read stops
// its edits (the client is told why), a revoke closes it, an upgrade makes it reconnect as a writer.
// Each connection also remembers the credential it came with (session or API token): signing out,
// the session's expiry (a timer at that moment) or revoking the token closes it. With the access
// notifier running (access-notifier.ts, every instance and the CLI), its notices are the one path
// changes take; without it, this instance's own announcements.
import { allows, ACCESS_MESSAGES, type DeckRole } from "../../core/access";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { Logger } from "../log";
import type { AccessChange, AccessControl } from "./access-control";
import type { AccessNotice } from "./access-notifier";
import type { Actor, Credential } from "./actor";

export const CREDENTIAL_MESSAGES = {
  sessionEnded: "You were signed out (or your session expired): sign in again to go on.",
  tokenRevoked: "The API token this connection used was revoked.",
  accountDisabled: "This account was disabled.",
} as const;

/** setTimeout's longest delay; a later expiry is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What this module needs from a sync connection. */
export interface LiveConnection {
  setWritable(writable: boolean, reason: string): void;
  close(code: number, reason: string): void;
}

interface Watched {
  deckId: string;
  actor: Actor;
  role: DeckRole;
  connection: LiveConnection;
  expiryTimer?: NodeJS.Timeout;
}

export class LiveAccess {
  private byDeck = new Map<string, Set<Watched>>();
  private stopFollowingAnnouncements: () => void;

  constructor(
    private readonly access: AccessControl,
    private readonly log: Logger,
  ) {
    this.stopFollowingAnnouncements = access.onChange((change) => this.recheckLater(change));
  }

  /**
   * From now on, changes reach open connections through the notifier's notices only (they cover
   * this instance's own changes too): following the in-process announcements as well would handle each twice.
   */
  followNotices(): (notice: AccessNotice) => void {
    this.stopFollowingAnnouncements();
    return (notice) => {
      if ("everything" in notice) this.recheckAllLater();
      else if ("sessionId" in notice && notice.expiresAt) this.moveExpiry(notice.sessionId, notice.expiresAt);
      else if ("sessionId" in notice) this.endSession(notice.sessionId);
      else if ("tokenId" in notice) this.endCredential("token", notice.tokenId, CREDENTIAL_MESSAGES.tokenRevoked);
      // A purged deck's room is evicted by its owner (server/podium.ts): its connections close with 4404.
      else if ("deckId" in notice && !notice.gone) this.recheckLater({ deckId: notice.deckId });
      else if ("userId" in notice) this.recheckLater({ userId: notice.userId });
    };
  }

  /** Tracks a connection until the returned function is called (when it closes). */
  watch(deckId: string, actor: Actor, role: DeckRole, connection: LiveConnection): () => void {
    const entry: Watched = { deckId, actor, role, connection };
    let set = this.byDeck.get(deckId);
    if (!set) this.byDeck.set(deckId, (set = new Set()));
    set.add(entry);
    const credential = credentialOf(actor);
    if (credential?.kind === "session") this.armExpiry(entry, credential.expiresAt);
    return () => {
      if (entry.expiryTimer) clearTimeout(entry.expiryTimer);
      set.delete(entry);
      if (set.size === 0 && this.byDeck.get(deckId) === set) this.byDeck.delete(deckId);
    };
  }

  /** Closes every connection opened with this session or token. */
  private endCredential(kind: Credential["kind"], id: string, reason: string): void {
    for (const entry of this.entries()) {
      const credential = credentialOf(entry.actor);
      if (credential?.kind === kind && credential.id === id) this.close(entry, reason);
    }
  }

  /**
   * Closes every connection opened with this session. Disabling an account deletes its sessions in
   * the same transaction, so this notice and the account's arrive together: ask the account, so that
   * its connections are told it was disabled rather than signed out, whichever notice comes first.
   */
  private endSession(sessionId: string): void {
    for (const entry of this.entries()) {
      const credential = credentialOf(entry.actor);
      if (credential?.kind !== "session" || credential.id !== sessionId || entry.actor.kind !== "user") continue;
      this.access.actors.refresh(entry.actor.user.id).then(
        (user) => this.close(entry, user ? CREDENTIAL_MESSAGES.sessionEnded : CREDENTIAL_MESSAGES.accountDisabled),
        (error: unknown) => {
          this.log.error({ err: error, deckId: entry.deckId }, "checking a signed-out account failed");
          this.close(entry, CREDENTIAL_MESSAGES.sessionEnded);
        },
      );
    }
  }

  private moveExpiry(sessionId: string, expiresAt: Date): void {
    for (const entry of this.entries()) {
      const credential = credentialOf(entry.actor);
      if (credential?.kind !== "session" || credential.id !== sessionId) continue;
      if (entry.expiryTimer) clearTimeout(entry.expiryTimer);
      this.armExpiry(entry, expiresAt);
    }
  }

  /** At the session's expiry, asks whether it still holds (better-auth extends sessions in use). */
  private armExpiry(entry: Watched, expiresAt: Date): void {
    const delay = Math.max(0, expiresAt.getTime() - Date.now());
    entry.expiryTimer = setTimeout(() => {
      entry.expiryTimer = undefined;
      if (delay === MAX_TIMER_MS) return this.armExpiry(entry, expiresAt);
      this.checkSession(entry).catch((error: unknown) => this.log.error({ err: error, deckId: entry.deckId }, "checking a session failed"));
    }, Math.min(delay, MAX_TIMER_MS));
  }

  private async checkSession(entry: Watched): Promise<boolean> {
    const credential = credentialOf(entry.actor);
    if (credential?.kind !== "session") return true;
    const expiresAt = await this.access.actors.sessionExpiry(credential.id);
    if (!expiresAt) {
      this.close(entry, CREDENTIAL_MESSAGES.sessionEnded);
      return false;
    }
    if (entry.expiryTimer) clearTimeout(entry.expiryTimer);
    this.armExpiry(entry, expiresAt);
    return true;
  }

  private close(entry: Watched, reason: string): void {
    if (entry.expiryTimer) clearTimeout(entry.expiryTimer);
    entry.connection.close(WsCloseCode.accessRevoked, reason);
    this.log.info({ deckId: entry.deckId, reason }, "closed a connection whose credential ended");
  }

  private entries(): Watched[] {
    return [...this.byDeck.values()].flatMap((set) => [...set]);
  }

  private recheckLater(change: AccessChange): void {
    this.recheck(change).catch((error: unknown) => this.log.error({ err: error, change }, "re-checking open connections failed"));
  }

  /** After the notifier missed notices: credentials, accounts and roles of every open connection. */
  private recheckAllLater(): void {
    const all = async (entry: Watched) => {
      if (await this.checkSession(entry)) await this.recheckOne(entry, true);
    };
    Promise.all(this.entries().map(all)).catch((error: unknown) => this.log.error({ err: error }, "re-checking open connections failed"));
  }

  /** Resolves once every affected connection has been re-checked. */
  async recheck(change: AccessChange): Promise<void> {
    const entries =
      "deckId" in change
        ? [...(this.byDeck.get(change.deckId) ?? [])]
        : this.entries().filter((entry) => entry.actor.kind === "user" && entry.actor.user.id === change.userId);
    await Promise.all(entries.map((entry) => this.recheckOne(entry, "userId" in change)));
  }

  private async recheckOne(entry: Watched, accountChanged: boolean): Promise<void> {
    if (accountChanged && entry.actor.kind === "user") {
      const user = await this.access.actors.refresh(entry.actor.user.id);
      if (!user) {
        entry.connection.close(WsCloseCode.accessRevoked, CREDENTIAL_MESSAGES.accountDisabled);
        return;
      }
      entry.actor = { ...entry.actor, user };
    }
    const role = await this.access.deckRole(entry.actor, entry.deckId);
    // A deleted deck closes its connections itself (4404).
    if (role === null) return;
    const before = entry.role;
    entry.role = role;
    if (!allows(role, "read")) {
      entry.connection.close(WsCloseCode.accessRevoked, ACCESS_MESSAGES.revoked);
    } else if (!allows(role, "write")) {
      if (allows(before, "write")) entry.connection.setWritable(false, (await this.access.isLocked(entry.deckId)) ? ACCESS_MESSAGES.locked : ACCESS_MESSAGES.downgraded);
    } else if (!allows(before, "write")) {
      // The client's editor is read-only: it reconnects and asks for its new role.
      entry.connection.close(WsCloseCode.accessChanged, ACCESS_MESSAGES.upgraded);
    }
    if (role !== before) this.log.info({ deckId: entry.deckId, before, after: role }, "open connection's access changed");
  }
}

function credentialOf(actor: Actor): Credential | undefined {
  return actor.kind === "user" ? actor.credential : undefined;
}
