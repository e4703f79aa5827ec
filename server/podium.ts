// Assembles a Podium server: database, persistence, the deck lifecycle and its extensions, sync
// rooms, the WebSocket endpoint and (unless disabled, as in some integration tests) Next.js, all on
// one HTTP port. Used by server/main.ts and by the tests, which start the real thing. Each part is
// made once, from parts made before it, and registered with how to stop it: a start that fails at
// any step closes what the earlier steps opened (server/started-parts.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AccessControl } from "./access/access-control";
import { AccessNotifier } from "./access/access-notifier";
import { PresenterPairings } from "./access/presenter-pairings";
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
import { LibraryQueryService } from "./library/library-query";
import { LibraryService } from "./library/library-service";
import { MediaStore } from "./library/media-store";
import { RevisionService } from "./library/revision-service";
import { SearchIndexer } from "./library/search-indexer";
import type { Logger } from "./log";
import { PodiumMetrics } from "./metrics";
import { MetricsEndpoint } from "./metrics-endpoint";
import { DeckStore } from "./persistence/deck-store";
import { PostgresDeckLog } from "./persistence/postgres-deck-log";
import { PROJECT_ROOT } from "./project-root";
import { registerServices, type Services } from "./services";
import { StartedParts } from "./started-parts";
import { DeckLifecycle, type DeckExtension } from "./sync/deck-lifecycle";
import type { DeckLog } from "./sync/deck-log";
import { DerivedColumnsExtension } from "./sync/derived-columns";
import { RedisBridge } from "./sync/redis-bridge";
import { observeFanOut } from "./sync/room";
import { RoomRegistry } from "./sync/room-registry";
import { createSyncEndpoint } from "./sync/ws-endpoint";
import { warmUpDeckOpening } from "./warm-up";
import { WsCloseCode } from "../core/ws-close-codes";
import { CallLockScheduler } from "./sections/call-lock-scheduler";
import { DeckLocks } from "./sections/deck-locks";
import { loadAuthSecret } from "./auth/auth-secret";
import { PublishingService } from "./publishing/publishing-service";
import { SeriesImportPlacement } from "./series/series-import";
import { SeriesScheduler } from "./series/series-scheduler";
import { SeriesService } from "./series/series-service";

export interface PodiumServer {
  url: string;
  port: number;
  services: Services;
  rooms: RoomRegistry;
  /** The decks' log in PostgreSQL (tests flush it, or watch its backlog). */
  updateLog: DeckLog;
  metrics: PodiumMetrics;
  /** The metrics-only listener's port (METRICS_PORT), or null. */
  metricsPort: number | null;
  /** Set when REDIS_URL is: this instance shares its decks with the others. */
  bridge: RedisBridge | null;
  /** Stops accepting, flushes everything, closes PostgreSQL. */
  stop(): Promise<void>;
}

export async function startPodium(config: Config, log: Logger, options: { next?: boolean } = {}): Promise<PodiumServer> {
  const parts = new StartedParts(log);
  try {
    return await composePodium(config, log, options, parts);
  } catch (error) {
    await parts.stopAll().catch(() => undefined);
    throw error;
  }
}

async function composePodium(config: Config, log: Logger, options: { next?: boolean }, parts: StartedParts): Promise<PodiumServer> {
  // Storage and accounts.
  const database = await openDatabase(config, log);
  parts.onStop("database", () => database.stop());
  const prisma = createPrismaClient(database.url);
  parts.onStop("prisma", () => prisma.$disconnect());
  const store = new DeckStore(prisma, { memberAccess: config.DEFAULT_MEMBER_ACCESS });
  const authServices = await createAuthServices(config, prisma, log);
  const metrics = new PodiumMetrics();
  observeFanOut((seconds) => metrics.fanOut(seconds));

  // The HTTP server listens last; its open sockets are waited for once everything else has closed them.
  const server = http.createServer();
  parts.onStop("http connections", () => closeConnections(server));

  // The deck lifecycle: the log, the rooms, and the extensions attached to their stages (below).
  const lifecycle = new DeckLifecycle(log);
  const derivedColumns = new DerivedColumnsExtension();
  const deckLog = new PostgresDeckLog(database.url, prisma, store, {
    flushIntervalMs: config.FLUSH_INTERVAL_MS,
    log,
    observer: metrics,
    columns: derivedColumns,
    committed: (entriesWritten) => lifecycle.committed(entriesWritten),
  });
  parts.onStop("deck log", () => deckLog.close());
  const rooms = new RoomRegistry(deckLog, lifecycle, { idleMs: config.ROOM_IDLE_MS, compactAfterEntries: config.COMPACT_AFTER_UPDATES, log });
  const bridge = config.REDIS_URL ? await connectRedis(config.REDIS_URL, log, metrics, rooms) : null;
  if (bridge) parts.onStop("redis", () => bridge.stop());
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
  parts.onStop("access notifier", () => notifier.stop());

  // Services for pages, REST and the CLI.
  const decks = new DeckService(store, rooms, deckLog, config.MAX_DECK_CHARS);
  const library = createLibrary(config, log, prisma, decks, rooms, authServices.access);
  parts.onStop("library", () => library.stop());
  const pairings = new PresenterPairings(prisma, authServices.access);
  // Publishing to git (server/publishing): archiving publishes, a worker retries failed pushes.
  const publishing = new PublishingService(prisma, decks, library.services.media, {
    dataDir: path.join(config.dataDir, "publishing"),
    secret: await loadAuthSecret(config.AUTH_SECRET, config.dataDir),
    publicUrl: authServices.publicUrl,
    log,
    databaseUrl: database.url,
  });
  parts.onStop("publishing", () => publishing.stop());
  const stopPublishingArchives = library.services.library.whenArchived((deckId) =>
    void publishing.onArchived(deckId).catch((error: unknown) => log.error({ err: error, deckId }, "queueing an archived deck for publishing failed")),
  );
  parts.onStop("publishing archives", stopPublishingArchives);
  publishing.start();
  // Series of calls (server/series): the routes' service, and the scheduler that prepares next calls' decks.
  const series = new SeriesService(prisma, decks);
  const seriesScheduler = new SeriesScheduler(series, log);
  seriesScheduler.start();
  parts.onStop("series scheduler", () => seriesScheduler.stop());
  const services: Services = { ...authServices, pairings, publishing, series, decks, prisma, maxDeckChars: config.MAX_DECK_CHARS, ...library.services };
  registerServices(services);
  parts.onStop("services", () => registerServices(undefined));

  lifecycle.use(derivedColumns, ...(bridge ? [bridge] : []), ...library.extensions, metrics);

  // The weekly cycle: locks a call's deck once its series' time lock has passed.
  const callLocks = new CallLockScheduler(prisma, new DeckLocks(prisma, services.revisions, authServices.access), log);
  callLocks.start();
  parts.onStop("call locks", () => callLocks.stop());

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
  parts.onStop("sync endpoint", () => sync.close());
  // First at stop: every client is told the server restarts, and every accepted update is stored.
  parts.onStop("rooms", () => rooms.closeAll(WsCloseCode.goingAway, "Server restarting"));
  await warmUpDeckOpening(authServices.access, store);
  metrics.readGauges({
    connections: () => sync.connections,
    openDecks: () => rooms.size,
    writeBacklog: () => deckLog.backlog,
    redisLagSeconds: () => bridge?.lagSeconds ?? null,
  });

  // The pages (Next.js), then the one port for everything.
  const app = options.next === false ? null : await startNext(config);
  if (app) parts.onStop("next", () => app.close());
  const metricsEndpoint = new MetricsEndpoint(metrics, { token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.METRICS_HOST }, log);
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    // Before Next.js: behind METRICS_TOKEN, or 404 (server/metrics-endpoint.ts, docs/operations.md).
    if (metricsEndpoint.handleAppRequest(request, response)) return;
    setClientAddress(request, config.TRUST_PROXY);
    if (app) app.handleRequest(request, response);
    else response.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"not_found","message":"Not found"}}');
  });
  server.on("upgrade", (request, socket, head) => {
    if (sync.handleUpgrade(request, socket, head)) return;
    if (app) app.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  parts.onStop("listening", () => void server.close());
  const port = (server.address() as AddressInfo).port;
  const metricsPort = await metricsEndpoint.listen();
  parts.onStop("metrics endpoint", () => metricsEndpoint.close());
  log.info({ port }, "Podium is listening");

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= parts.stopAll().then(() => {
      log.info("Podium stopped");
    }));
  return { url: `http://127.0.0.1:${port}`, port, metricsPort, services, rooms, updateLog: deckLog, metrics, bridge, stop };
}

async function connectRedis(url: string, log: Logger, metrics: PodiumMetrics, rooms: RoomRegistry): Promise<RedisBridge> {
  const bridge = await RedisBridge.connect(url, {
    log,
    observer: metrics,
    onEvict: (deckId, code, reason) => rooms.evictHere(deckId, code, reason),
  });
  // Access changes reach the other instances through PostgreSQL (the access notifier), not Redis.
  log.info({ instanceId: bridge.instanceId }, "sharing decks with other instances through Redis");
  return bridge;
}

/** Next.js, prepared: its request and upgrade handlers. */
async function startNext(config: Config) {
  const { default: next } = await import("next");
  const app = next({ dev: config.NODE_ENV === "development", dir: PROJECT_ROOT, hostname: "localhost", port: config.PORT });
  await app.prepare();
  const handler = app.getRequestHandler();
  const upgradeHandler = app.getUpgradeHandler();
  return {
    handleRequest: (request: http.IncomingMessage, response: http.ServerResponse) => void handler(request, response),
    handleUpgrade: (request: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => void upgradeHandler(request, socket, head),
    close: () => app.close(),
  };
}

/** Ends what is still open on the HTTP server and waits for it to close (at once if it never listened). */
async function closeConnections(server: http.Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** How soon the last edits of a burst reach the full-text index (the trigger throttles the rest). */
const SEARCH_CATCH_UP_MS = 2_000;
/** How often decks changed by other processes (the CLI) are looked for. */
const SEARCH_SWEEP_MS = 30_000;

/** The deck library's services, its extensions of the deck lifecycle, and the daily trash purge. */
function createLibrary(config: Config, log: Logger, prisma: PrismaClient, decks: DeckService, rooms: RoomRegistry, access: AccessControl) {
  const media = new MediaStore(prisma, config.MEDIA_MAX_BYTES);
  const revisions = new RevisionService(prisma, decks, { activityIntervalMs: config.REVISION_INTERVAL_MS, maxAutomatic: config.REVISIONS_KEPT });
  const library = new LibraryService(prisma, decks, rooms, access);
  const automaticRevisions: DeckExtension = {
    name: "automatic revisions",
    committed: (entriesWritten) => {
      for (const deckId of entriesWritten.keys()) revisions.noteActivity(deckId);
    },
    // The deck's last editor left.
    unloaded: (deckId, reason) => {
      if (reason !== "idle") return;
      revisions.onDeckIdle(deckId).catch((error: unknown) => log.warn({ err: error, deckId }, "automatic revision failed"));
    },
  };
  const purgeTrash = () =>
    library.purgeExpiredTrash().then(
      (count) => count > 0 && log.info({ count }, "purged decks deleted more than 30 days ago"),
      (error: unknown) => log.error({ err: error }, "purging the trash failed"),
    );
  void purgeTrash();
  const purgeTimer = setInterval(() => void purgeTrash(), 24 * 60 * 60 * 1000);
  purgeTimer.unref();
  const searchIndexer = new SearchIndexer(prisma, { intervalMs: SEARCH_CATCH_UP_MS, sweepMs: SEARCH_SWEEP_MS, log });
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
    extensions: [automaticRevisions, searchIndexer],
    stop(): Promise<void> {
      clearInterval(purgeTimer);
      return searchIndexer.stop();
    },
  };
}
