// The named stages of a deck's life on this server, and the extensions that attach to them (as
// Hocuspocus's onLoadDocument / onStoreDocument, but typed). In order:
//
//   opening   the deck is about to be read from storage (Redis subscribes first, so no update falls in between)
//   loaded    its stored state is in the room; nobody is served yet (Redis asks the other instances for theirs)
//   accepted  an update from a member or the API was applied and appended to the log (Redis publishes it,
//             the derived columns note its author); a member joined; presence or the viewer count changed
//   committed a group commit stored the updates of these decks (revisions, search catch-up)
//   unloaded  the room is gone: idle (stored and compacted), deleted, or closed at shutdown
//
// An extension implements the stages it cares about. A failing extension is logged and the others
// still run, except in `opening` and `loaded`, where a failure fails the deck's load.
import type { Logger } from "../log";
import type { Room, RoomMember } from "./room";

/** An update the room accepted. */
export interface AcceptedUpdate {
  update: Uint8Array;
  /** The account behind it; null for a guest; undefined when unknown (another instance's, stored for it). */
  author: string | null | undefined;
  /** Settles once it is committed (the log commits in order, so this covers every earlier update). */
  stored: Promise<void>;
}

/**
 * Why a room went away. `deleted` here (tell the other instances) or `deleted-elsewhere` (they told
 * us); `missing`: the deck was not found, or its load failed.
 */
export type UnloadReason = "idle" | "shutdown" | "deleted" | "deleted-elsewhere" | "missing";

export interface DeckExtension {
  /** For the logs. */
  readonly name: string;
  /** Storage may lack updates another instance accepted: a client must not be served stored bytes alone (early-state.ts). */
  readonly storageMayLag?: boolean;
  opening?(deckId: string): Promise<void> | void;
  loaded?(room: Room): Promise<void> | void;
  acceptedUpdate?(room: Room, accepted: AcceptedUpdate): void;
  joined?(room: Room, member: RoomMember): void;
  /** The writers' presence changed (an awareness update, encoded), from a client of this instance. */
  presenceChanged?(room: Room, update: Uint8Array): void;
  /** This instance's count of the deck's viewers changed. */
  viewersChanged?(room: Room, viewers: number): void;
  committed?(entriesWritten: ReadonlyMap<string, number>): void;
  unloaded?(deckId: string, reason: UnloadReason, detail?: { code: number; reason: string }): void;
}

export class DeckLifecycle {
  private readonly extensions: DeckExtension[] = [];

  constructor(private readonly log: Logger) {}

  /** Attaches extensions, run in the order given; done while the server is composed, before it listens. */
  use(...extensions: DeckExtension[]): this {
    this.extensions.push(...extensions);
    return this;
  }

  get storageMayLag(): boolean {
    return this.extensions.some((extension) => extension.storageMayLag);
  }

  /** Whether any extension wants presence changes (the room encodes them only then). */
  get sharesPresence(): boolean {
    return this.extensions.some((extension) => extension.presenceChanged);
  }

  async opening(deckId: string): Promise<void> {
    for (const extension of this.extensions) await extension.opening?.(deckId);
  }

  async loaded(room: Room): Promise<void> {
    for (const extension of this.extensions) await extension.loaded?.(room);
  }

  acceptedUpdate(room: Room, accepted: AcceptedUpdate): void {
    for (const extension of this.extensions) if (extension.acceptedUpdate) this.run(extension, room.deckId, () => extension.acceptedUpdate!(room, accepted));
  }

  joined(room: Room, member: RoomMember): void {
    for (const extension of this.extensions) if (extension.joined) this.run(extension, room.deckId, () => extension.joined!(room, member));
  }

  presenceChanged(room: Room, update: Uint8Array): void {
    for (const extension of this.extensions) if (extension.presenceChanged) this.run(extension, room.deckId, () => extension.presenceChanged!(room, update));
  }

  viewersChanged(room: Room, viewers: number): void {
    for (const extension of this.extensions) if (extension.viewersChanged) this.run(extension, room.deckId, () => extension.viewersChanged!(room, viewers));
  }

  committed(entriesWritten: ReadonlyMap<string, number>): void {
    for (const extension of this.extensions) if (extension.committed) this.run(extension, null, () => extension.committed!(entriesWritten));
  }

  unloaded(deckId: string, reason: UnloadReason, detail?: { code: number; reason: string }): void {
    for (const extension of this.extensions) if (extension.unloaded) this.run(extension, deckId, () => extension.unloaded!(deckId, reason, detail));
  }

  private run(extension: DeckExtension, deckId: string | null, stage: () => void): void {
    try {
      stage();
    } catch (error) {
      this.log.error({ err: error, deckId, extension: extension.name }, "a deck extension failed");
    }
  }
}
