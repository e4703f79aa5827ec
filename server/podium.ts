// Assembles a Podium server: database, persistence, sync rooms, the WebSocket endpoint and (unless
// disabled, as in some integration tests) Next.js, all on one HTTP port. Used by server/main.ts
// and by the tests, which start the real thing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AccessControl } from "./access/access-control";
import { AccessNotifier } from "./access/access-notifier";
import { createUpgradeAuthorizer } from "./access/upgrade-guard";
import { createAuthServices } from "./auth/auth-services";
import { setClientAddress } from "./auth/client-address";
import type { Config } from "./config";
import { openDatabase } from "./db/database";
import { createPrismaClient, type PrismaClient } from "./db/prisma";
import { DeckService } from "./decks/deck-service";
import { ExportService } from "./library/export-service";
import { HtmlExporter } from "./library/html-export";
import { ImportService } from "./library/import-service";
import { LastEditorRecorder } from "./library/last-editor-recorder";
import { LibraryQueryService } from "./library/library-query";
import { LibraryService } from "./library/library-service";
import { MediaStore } from "./library/media-store";
import { RevisionService } from "./library/revision-service";
import { SearchIndexer } from "./library/search-indexer";
import type { Logger } from "./log";
import { PodiumMetrics } from "./metrics";
import { MetricsEndpoint } from "./metrics-endpoint";
import { PROJECT_ROOT } from "./project-root";
import { observeFanOut } from "./sync/room";
import { warmUpDeckOpening } from "./warm-up";
import { DeckStore } from "./persistence/deck-store";
import { UpdateLog } from "./persistence/update-log";
import { registerServices, type Services } from "./services";
import { RedisBridge } from "./sync/redis-bridge";
import { RoomRegistry } from "./sync/room-registry";
import { createSyncEndpoint } from "./sync/ws-endpoint";
import { PresenterPairings } from "./access/presenter-pairings";
import { WsCloseCode } from "../core/ws-close-codes";
import { SeriesImportPlacement } from "./series/series-import";
import { SeriesScheduler } from "./series/series-scheduler";
import { SeriesService } from "./series/series-service";


export interface PodiumServer {
  url: string;
  port: number;
  services: Services;
  rooms: RoomRegistry;
  updateLog: UpdateLog;
  metrics: PodiumMetrics;
  /** The metrics-only listener's port (METRICS_PORT), or null. */
  metricsPort: number | null;
  /** Set when REDIS_URL is: this instance shares its decks with the others. */
  bridge: RedisBridge | null;
  /** Stops accepting, flushes everything, closes PostgreSQL. */
  stop(): Promise<void>;
}

export async function startPodium(config: Config, log: Logger, options: { next?: boolean } = {}): Promise<PodiumServer> {
  const database = await openDatabase(config, log);
  const prisma = createPrismaClient(database.url);
  const store = new DeckStore(prisma, { memberAccess: config.DEFAULT_MEMBER_ACCESS });
  const authServices = await createAuthServices(config, prisma, log).catch(async (error: unknown) => {
    await prisma.$disconnect();
    await database.stop();
    throw error;
  });
  let sources = { connections: () => 0, openDecks: () => 0, redisLagSeconds: (): number | null => null };
  const metrics = new PodiumMetrics({
    connections: () => sources.connections(),
    openDecks: () => sources.openDecks(),
    writeBacklog: (): number => updateLog.backlog,
    redisLagSeconds: () => sources.redisLagSeconds(),
  });
  observeFanOut((seconds) => metrics.fanOut(seconds));
  const updateLog = new UpdateLog(database.url, { flushIntervalMs: config.FLUSH_INTERVAL_MS, log, observer: metrics });
  // The library's hooks into the sync rooms are set once the library exists (below).
  let onDeckUnloaded = (deckId: string): void => void deckId;
  const rooms = new RoomRegistry(prisma, store, updateLog, {
    idleMs: config.ROOM_IDLE_MS,
    compactAfterEntries: config.COMPACT_AFTER_UPDATES,
    log,
    onUnloaded: (deckId) => onDeckUnloaded(deckId),
  });
  let bridge: RedisBridge | null = null;
  if (config.REDIS_URL) {
    try {
      bridge = await RedisBridge.connect(config.REDIS_URL, {
        log,
        observer: metrics,
        onEvict: (deckId, code, reason) => rooms.evictHere(deckId, code, reason),
      });
    } catch (error) {
      await prisma.$disconnect();
      await database.stop();
      throw error;
    }
    rooms.useBridge(bridge);
    // Access changes reach the other instances through PostgreSQL (the access notifier, below), not Redis.
    log.info({ instanceId: bridge.instanceId }, "sharing decks with other instances through Redis");
  }
  // Every instance, and the CLI from another process, announce access changes through PostgreSQL.
  const followNotice = authServices.live.followNotices();
  const notifier = await AccessNotifier.start(
    database.url,
    (notice) => {
      if ("deckId" in notice && notice.gone) rooms.evictHere(notice.deckId, WsCloseCode.deckDeleted, "This deck was deleted.");
      followNotice(notice);
    },
    log,
  );
  const decks = new DeckService(store, rooms, updateLog, config.MAX_DECK_CHARS);
  const library = createLibrary(config, log, prisma, decks, rooms, updateLog, authServices.access);
  onDeckUnloaded = library.onDeckUnloaded;
  // Series of calls (server/series): the routes' service, and the scheduler that prepares next calls' decks.
  const series = new SeriesService(prisma, decks);
  const seriesScheduler = new SeriesScheduler(series, log);
  seriesScheduler.start();
  const pairings = new PresenterPairings(prisma, authServices.access);
  const services: Services = {
    ...authServices,
    pairings,
    decks,
    prisma,
    maxDeckChars: config.MAX_DECK_CHARS,
    ...library.services,
    series,
  };
  registerServices(services);

  const sync = createSyncEndpoint(rooms, {
    maxMessageBytes: config.MAX_WS_MESSAGE_BYTES,
    updateLimits: { maxChars: config.MAX_DECK_CHARS, maxBytes: config.MAX_DECK_BYTES, maxPendingBytes: config.MAX_PENDING_UPDATE_BYTES },
    pingIntervalMs: config.WS_PING_INTERVAL_MS,
    log,
    rateLimit: { perSecond: config.WS_MESSAGES_PER_SECOND, burst: config.WS_MESSAGE_BURST },
    maxConnectionsPerAddress: config.MAX_CONNECTIONS_PER_IP,
    trustProxy: config.TRUST_PROXY,
    maxSendBufferBytes: config.WS_MAX_SEND_BUFFER_BYTES,
    presence: {
      maxStateBytes: config.PRESENCE_MAX_STATE_BYTES,
      maxClientsPerConnection: config.PRESENCE_MAX_CLIENTS_PER_CONNECTION,
      perSecond: config.PRESENCE_MESSAGES_PER_SECOND,
      burst: config.PRESENCE_MESSAGE_BURST,
    },
    presenter: { graceMs: config.PRESENTER_TAKEOVER_GRACE_MS, messagesPerSecond: config.PRESENTER_MESSAGES_PER_SECOND, burst: 2 * config.PRESENTER_MESSAGES_PER_SECOND },
    observer: metrics,
    authorize: createUpgradeAuthorizer(authServices.access, authServices.live, authServices.trustedOrigins, pairings),
  });
  await warmUpDeckOpening(authServices.access, store);
  const activeBridge = bridge;
  sources = {
    connections: () => sync.connections,
    openDecks: () => rooms.size,
    redisLagSeconds: () => activeBridge?.lagSeconds ?? null,
  };

  let handleRequest: http.RequestListener = (_request, response) => {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"not_found","message":"Not found"}}');
  };
  let handleOtherUpgrade: ((request: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => void) | null = null;
  let closeNext: () => Promise<void> = async () => {};
  if (options.next !== false) {
    const { default: next } = await import("next");
    const app = next({ dev: config.NODE_ENV === "development", dir: PROJECT_ROOT, hostname: "localhost", port: config.PORT });
    await app.prepare();
    const handler = app.getRequestHandler();
    handleRequest = (request, response) => void handler(request, response);
    const upgradeHandler = app.getUpgradeHandler();
    handleOtherUpgrade = (request, socket, head) => void upgradeHandler(request, socket, head);
    closeNext = () => app.close();
  }

  const serveApp = handleRequest;
  const metricsEndpoint = new MetricsEndpoint(metrics, { token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.METRICS_HOST }, log);
  const server = http.createServer((request, response) => {
    // Before Next.js: behind METRICS_TOKEN, or 404 (server/metrics-endpoint.ts, docs/operations.md).
    if (metricsEndpoint.handleAppRequest(request, response)) return;
    setClientAddress(request, config.TRUST_PROXY);
    serveApp(request, response);
  });
  server.on("upgrade", (request, socket, head) => {
    if (sync.handleUpgrade(request, socket, head)) return;
    if (handleOtherUpgrade) handleOtherUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const metricsPort = await metricsEndpoint.listen().catch(async (error: unknown) => {
    server.close();
    await prisma.$disconnect();
    await database.stop();
    throw error;
  });
  log.info({ port }, "Podium is listening");

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      library.stop();
      await seriesScheduler.stop();
      await rooms.closeAll(WsCloseCode.goingAway, "Server restarting");
      await activeBridge?.stop();
      await notifier.stop();
      sync.close();
      server.closeAllConnections();
      await closed;
      await metricsEndpoint.close();
      await closeNext();
      await prisma.$disconnect();
      await database.stop();
      registerServices(undefined);
      log.info("Podium stopped");
    })());

  return { url: `http://127.0.0.1:${port}`, port, metricsPort, services, rooms, updateLog, metrics, bridge, stop };
}

/** How soon the last edits of a burst reach the full-text index (the trigger throttles the rest). */
const SEARCH_CATCH_UP_MS = 2_000;

/** The deck library's services, its hooks into the update log and the rooms, and the daily trash purge. */
function createLibrary(
  config: Config,
  log: Logger,
  prisma: PrismaClient,
  decks: DeckService,
  rooms: RoomRegistry,
  updateLog: UpdateLog,
  access: AccessControl,
) {
  const media = new MediaStore(prisma, config.MEDIA_MAX_BYTES);
  const revisions = new RevisionService(prisma, decks, { activityIntervalMs: config.REVISION_INTERVAL_MS, maxAutomatic: config.REVISIONS_KEPT });
  const library = new LibraryService(prisma, decks, rooms, access);
  const lastEditors = new LastEditorRecorder(prisma, rooms, log);
  updateLog.onFlushed((counts) => {
    lastEditors.flushed(counts.keys());
    for (const deckId of counts.keys()) revisions.noteActivity(deckId);
  });
  const purgeTrash = () =>
    library.purgeExpiredTrash().then(
      (count) => count > 0 && log.info({ count }, "purged decks deleted more than 30 days ago"),
      (error: unknown) => log.error({ err: error }, "purging the trash failed"),
    );
  void purgeTrash();
  const purgeTimer = setInterval(() => void purgeTrash(), 24 * 60 * 60 * 1000);
  purgeTimer.unref();
  const searchIndexer = new SearchIndexer(prisma, { intervalMs: SEARCH_CATCH_UP_MS, log });
  searchIndexer.start();
  return {
    services: {
      libraryQuery: new LibraryQueryService(prisma),
      library,
      media,
      revisions,
      imports: new ImportService(decks, media, {
        // A deck's text takes up to three bytes per character.
        maxFileBytes: Math.max(config.MEDIA_MAX_BYTES, config.MAX_DECK_CHARS * 3),
        maxZipTotalBytes: config.IMPORT_MAX_BYTES * 4,
        maxZipEntries: 10_000,
      }, {
        maxFiles: config.IMPORT_MAX_FILES,
        maxUnpackedBytes: config.IMPORT_MAX_UNPACKED_BYTES,
        maxEntries: config.IMPORT_MAX_ENTRIES,
        maxDecks: config.IMPORT_MAX_DECKS,
      }, config.IMPORTS_PER_HOUR, new SeriesImportPlacement(prisma)),
      exports: new ExportService(decks, media, new HtmlExporter(path.join(PROJECT_ROOT, "node_modules"))),
      maxImportBytes: config.IMPORT_MAX_BYTES,
    },
    onDeckUnloaded(deckId: string): void {
      lastEditors.forget(deckId);
      revisions.onDeckIdle(deckId).catch((error: unknown) => log.warn({ err: error, deckId }, "automatic revision failed"));
    },
    stop(): void {
      clearInterval(purgeTimer);
      void searchIndexer.stop();
    },
  };
}
