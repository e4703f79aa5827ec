// A sync server on the in-memory deck log, for fast tests of rooms, the registry and connections:
// a real HTTP server and real WebSockets (ws), the real RoomRegistry, Room and Connection, and
// MemoryDeckLog in place of PostgreSQL. Access is decided by two test headers (the access module
// has its own tests): `x-test-access: read` makes a read-only connection, `x-test-account` names
// the account behind it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { SYNC_PATH_PREFIX } from "../../core/sync-protocol";
import { createLogger } from "../../server/log";
import { Connection } from "../../server/sync/connection";
import { DeckLifecycle, type DeckExtension } from "../../server/sync/deck-lifecycle";
import { MemoryDeckLog } from "../../server/sync/memory-deck-log";
import { RoomRegistry } from "../../server/sync/room-registry";
import type { UpdateLimits } from "../../server/sync/update-guard";

export interface MemorySyncServer {
  url: string;
  deckLog: MemoryDeckLog;
  rooms: RoomRegistry;
  lifecycle: DeckLifecycle;
  stop(): Promise<void>;
}

export const TEST_LIMITS: UpdateLimits = { maxChars: 10_000, maxBytes: 1_000_000, maxPendingBytes: 100_000 };

export async function startMemorySyncServer(
  options: { extensions?: DeckExtension[]; limits?: UpdateLimits; idleMs?: number; flushIntervalMs?: number } = {},
): Promise<MemorySyncServer> {
  const log = createLogger("silent");
  const lifecycle = new DeckLifecycle(log);
  const deckLog = new MemoryDeckLog({ flushIntervalMs: options.flushIntervalMs, committed: (entries) => lifecycle.committed(entries) });
  const rooms = new RoomRegistry(deckLog, lifecycle, { idleMs: options.idleMs ?? 20, compactAfterEntries: 1_000, log });
  lifecycle.use(...(options.extensions ?? []));
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  server.on("upgrade", (request, socket, head) => {
    const deckId = (request.url ?? "").slice(SYNC_PATH_PREFIX.length);
    void rooms.acquire(deckId).then((room) => {
      if (!room) return socket.destroy();
      wss.handleUpgrade(request, socket, head, (ws) => {
        const account = request.headers["x-test-account"];
        const connection = new Connection(ws, room, {
          canWrite: request.headers["x-test-access"] !== "read",
          limits: options.limits ?? TEST_LIMITS,
          pingIntervalMs: 60_000,
          log,
          editorId: typeof account === "string" ? account : null,
        });
        connection.onDispose = () => rooms.release(room);
        connection.start();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deckLog,
    rooms,
    lifecycle,
    async stop() {
      await rooms.closeAll(1001, "test done");
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
