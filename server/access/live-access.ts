// Open WebSocket connections and the access they were admitted with. When a deck's settings or a
// user's account change, each affected connection is re-checked at once: a downgrade to read stops
// its edits (the client is told why), a revoke closes it, an upgrade makes it reconnect as a writer.
import { allows, ACCESS_MESSAGES, type DeckRole } from "../../core/access";
import { WsCloseCode } from "../../core/ws-close-codes";
import type { Logger } from "../log";
import type { AccessChange, AccessControl } from "./access-control";
import type { Actor } from "./actor";

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
}

export class LiveAccess {
  private byDeck = new Map<string, Set<Watched>>();

  constructor(
    private readonly access: AccessControl,
    private readonly log: Logger,
  ) {
    access.onChange((change) => {
      this.recheck(change).catch((error: unknown) => log.error({ err: error, change }, "re-checking open connections failed"));
    });
  }

  /** Tracks a connection until the returned function is called (when it closes). */
  watch(deckId: string, actor: Actor, role: DeckRole, connection: LiveConnection): () => void {
    const entry: Watched = { deckId, actor, role, connection };
    let set = this.byDeck.get(deckId);
    if (!set) this.byDeck.set(deckId, (set = new Set()));
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.byDeck.get(deckId) === set) this.byDeck.delete(deckId);
    };
  }

  /** Resolves once every affected connection has been re-checked. */
  async recheck(change: AccessChange): Promise<void> {
    const entries =
      "deckId" in change
        ? [...(this.byDeck.get(change.deckId) ?? [])]
        : [...this.byDeck.values()].flatMap((set) => [...set]).filter((entry) => entry.actor.kind === "user" && entry.actor.user.id === change.userId);
    await Promise.all(entries.map((entry) => this.recheckOne(entry, "userId" in change)));
  }

  private async recheckOne(entry: Watched, accountChanged: boolean): Promise<void> {
    if (accountChanged && entry.actor.kind === "user") {
      const user = await this.access.actors.refresh(entry.actor.user.id);
      if (!user) {
        entry.connection.close(WsCloseCode.accessRevoked, "This account was disabled.");
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
      if (allows(before, "write")) entry.connection.setWritable(false, ACCESS_MESSAGES.downgraded);
    } else if (!allows(before, "write")) {
      // The client's editor is read-only: it reconnects and asks for its new role.
      entry.connection.close(WsCloseCode.accessChanged, ACCESS_MESSAGES.upgraded);
    }
    if (role !== before) this.log.info({ deckId: entry.deckId, before, after: role }, "open connection's access changed");
  }
}
