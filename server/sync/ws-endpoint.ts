// The WebSocket endpoint /ws/<deck id>. Everything that can be refused is refused before the
// upgrade, with a plain HTTP status; the room is loaded before the socket opens, so no message
// ever has to wait (or be buffered) while a deck loads.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { isValidDeckId } from "../../core/deck-id";
import { SYNC_PATH_PREFIX } from "../../core/sync-protocol";
import type { Logger } from "../log";
import { Connection } from "./connection";
import type { RoomRegistry } from "./room-registry";

export interface SyncEndpointOptions {
  maxMessageBytes: number;
  maxDeckChars: number;
  pingIntervalMs: number;
  log: Logger;
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

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, deckId: string): Promise<void> {
    const room = await rooms.acquire(deckId);
    if (!room) return refuse(socket, 404, "Not Found");
    if (socket.destroyed) return rooms.release(room);
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections++;
      const connection = new Connection(ws, room, {
        canWrite: true,
        maxDeckChars: options.maxDeckChars,
        pingIntervalMs: options.pingIntervalMs,
        log: options.log,
      });
      connection.onDispose = () => {
        connections--;
        rooms.release(room);
      };
      connection.start();
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
        refuse(socket, 400, "Bad Request");
        return true;
      }
      upgrade(request, socket, head, deckId).catch((error: unknown) => {
        options.log.error({ err: error, deckId }, "websocket upgrade failed");
        refuse(socket, 503, "Service Unavailable");
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

function refuse(socket: Duplex, status: number, statusText: string): void {
  if (socket.destroyed) return;
  const code = status === 404 ? "not_found" : status === 400 ? "bad_request" : "unavailable";
  const body = JSON.stringify({ error: { code, message: statusText } });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
