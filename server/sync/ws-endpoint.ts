// The WebSocket endpoint /ws/<deck id>. Everything that can be refused is refused before the
// upgrade, with a plain HTTP status; the room is loaded before the socket opens, so no message
// ever has to wait (or be buffered) while a deck loads.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { WsCloseCode } from "../../core/ws-close-codes";
import { isValidDeckId } from "../../core/deck-id";
import { SYNC_PATH_PREFIX } from "../../core/sync-protocol";
import type { UpgradeAuthorizer } from "../access/upgrade-guard";
import type { Logger } from "../log";
import { Connection } from "./connection";
import { clientAddress, ConnectionsPerAddress } from "./connections-per-address";
import { storedStateMessages } from "./early-state";
import type { Room } from "./room";
import type { PresenceLimits } from "./presence";
import type { PresenterChannelOptions } from "./presenter-channel";
import type { RoomRegistry } from "./room-registry";
import type { UpdateLimits } from "./update-guard";
import { STATUS_CODES } from "node:http";
import { ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from "../../core/api/errors";

export interface SyncEndpointOptions {
  maxMessageBytes: number;
  /** What a deck's document may hold; every client update is checked against it. */
  updateLimits: UpdateLimits;
  pingIntervalMs: number;
  log: Logger;
  /** The access module's decision, taken before the upgrade (401/403/404 are answered in HTTP). */
  authorize: UpgradeAuthorizer;
  /** Per-connection message rate (0: no limit) and burst. */
  rateLimit?: { perSecond: number; burst: number };
  /** Open connections per client address; 0 or unset: no limit. */
  maxConnectionsPerAddress?: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  maxSendBufferBytes?: number;
  /** Bounds on each connection's presence (server/sync/presence.ts). */
  presence?: PresenceLimits;
  /** The presenter channel's take-over grace and message rate (server/sync/presenter-channel.ts). */
  presenter?: PresenterChannelOptions;
  observer?: SyncEndpointObserver;
}

/** What the metrics learn from the endpoint. */
export interface SyncEndpointObserver {
  refusedConnection(reason: string): void;
  throttledConnection(): void;
}

export interface SyncEndpoint {
  /** Number of open sync connections. */
  readonly connections: number;
  /** Handles the upgrade if it is for /ws/…; returns false for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

export function createSyncEndpoint(rooms: RoomRegistry, options: SyncEndpointOptions): SyncEndpoint {
  // Messages over maxPayload make `ws` close the connection with 1009 by itself.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  let connections = 0;
  const perAddress = new ConnectionsPerAddress(options.maxConnectionsPerAddress ?? 0);

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, deckId: string): Promise<void> {
    const access = await options.authorize(request, deckId);
    if (access.refuse) return refuse(socket, access.refuse.code, access.refuse.message);
    const opening = await rooms.acquireEarly(deckId);
    if (!opening) return refuse(socket, "not_found", "No deck with this id.");
    if (socket.destroyed) {
      if (opening.stored) void opening.ready.then((ready) => ready && rooms.release(ready.room), () => undefined);
      else rooms.release(opening.room);
      return;
    }
    const admit = (ws: WebSocket, room: Room, clientWasSent?: Uint8Array) => {
      const connection = new Connection(ws, room, {
        canWrite: access.canWrite,
        editorId: access.editorId,
        limits: options.updateLimits,
        identity: access.identity,
        presenter: options.presenter,
        pingIntervalMs: options.pingIntervalMs,
        log: options.log,
        rateLimit: options.rateLimit,
        maxSendBufferBytes: options.maxSendBufferBytes,
        presence: options.presence,
        onThrottled: () => options.observer?.throttledConnection(),
        clientWasSent,
      });
      const unwatch = access.watch(connection);
      connection.onDispose = () => {
        unwatch();
        connections--;
        rooms.release(room);
      };
      connection.start();
    };
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections++;
      if (!opening.stored) return admit(ws, opening.room);
      // The deck is still loading: its stored bytes go out now, while the client's own messages
      // wait in the socket until the room is ready to handle them (early-state.ts).
      ws.pause();
      const messages = storedStateMessages(opening.stored);
      opening.restoreAfter(
        Promise.all(messages.map((message) => new Promise((resolve) => ws.send(message, { binary: true }, resolve)))),
      );
      opening.ready.then(
        (ready) => {
          if (!ready) {
            connections--;
            ws.close(WsCloseCode.deckDeleted, "This deck was deleted.");
            ws.resume();
          } else if (ws.readyState !== ws.OPEN) {
            connections--;
            rooms.release(ready.room);
          } else {
            admit(ws, ready.room, ready.storedStateVector);
            ws.resume();
          }
        },
        (error: unknown) => {
          options.log.error({ err: error, deckId }, "deck could not be loaded");
          connections--;
          ws.close(WsCloseCode.loadFailed, "The deck could not be loaded; try again.");
          ws.resume();
        },
      );
    });
  }

  return {
    get connections() {
      return connections;
    },
    handleUpgrade(request, socket, head) {
      const deckId = deckIdFromPath(request.url ?? "");
      if (deckId === undefined) return false;
      socket.on("error", () => socket.destroy());
      if (deckId === null) {
        refuse(socket, "bad_request", "Malformed deck id.");
        return true;
      }
      const address = clientAddress(request, options.trustProxy ?? false);
      if (!perAddress.tryAdd(address)) {
        options.observer?.refusedConnection("too_many_connections");
        refuse(socket, "too_many_requests", "Too many open connections from your address.");
        return true;
      }
      // Counted from now until the TCP connection ends, whichever way it ends.
      socket.once("close", () => perAddress.remove(address));
      upgrade(request, socket, head, deckId).catch((error: unknown) => {
        options.log.error({ err: error, deckId }, "websocket upgrade failed");
        refuse(socket, "unavailable", "The deck could not be opened; try again.");
      });
      return true;
    },
    close() {
      wss.close();
    },
  };
}

/** undefined: not a sync path; null: a sync path with a malformed deck id. */
function deckIdFromPath(url: string): string | null | undefined {
  const path = url.split("?", 1)[0] ?? "";
  if (!path.startsWith(SYNC_PATH_PREFIX)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(path.slice(SYNC_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return isValidDeckId(id) ? id : null;
}

/** Answers the upgrade in plain HTTP with the REST contract's error (its status from core/api/errors.ts). */
function refuse(socket: Duplex, code: ApiErrorCode, message: string): void {
  if (socket.destroyed) return;
  const status = ERROR_STATUS[code];
  const statusText = STATUS_CODES[status] ?? "Error";
  const body = JSON.stringify({ error: { code, message } } satisfies ApiErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
