// The running server's services, reachable from Next.js route handlers and server components.
// Next bundles those separately from server/main.ts, so a plain module-level singleton would exist
// twice; the services are handed over through one well-known global slot instead.
// Only types are imported here, so the route bundles never pull in the server's modules.
import type { PresenterPairings } from "./access/presenter-pairings";
import type { AuthServices } from "./auth/auth-services";
import type { DeckService } from "./decks/deck-service";
import type { PrismaClient } from "./db/prisma";
import type { ExportService } from "./library/export-service";
import type { ImportService } from "./library/import-service";
import type { LibraryQueryService } from "./library/library-query";
import type { LibraryService } from "./library/library-service";
import type { MediaStore } from "./library/media-store";
import type { RevisionService } from "./library/revision-service";
import type { PublishingService } from "./publishing/publishing-service";
import type { SeriesService } from "./series/series-service";

/** Accounts and access control (auth, accounts, tokens, access, live, trustedOrigins, oidcName). */
export interface Services extends AuthServices {
  decks: DeckService;
  prisma: PrismaClient;
  maxDeckChars: number;
  /** The deck library: listing and search, library actions, media, revisions, import and export. */
  libraryQuery: LibraryQueryService;
  library: LibraryService;
  media: MediaStore;
  revisions: RevisionService;
  imports: ImportService;
  exports: ExportService;
  maxImportBytes: number;
  /** Devices paired to steer a slideshow (server/access/presenter-pairings.ts). */
  pairings: PresenterPairings;
  /** Publishing decks to a git repository (server/publishing). */
  publishing: PublishingService;
  /** Series of calls and preparing their next decks (server/series). */
  series: SeriesService;
}

const SLOT = Symbol.for("podium.services");

type GlobalWithServices = typeof globalThis & { [SLOT]?: Services };

export function registerServices(services: Services | undefined): void {
  (globalThis as GlobalWithServices)[SLOT] = services;
}

export function getServices(): Services {
  const services = (globalThis as GlobalWithServices)[SLOT];
  if (!services) throw new Error("Podium services are not running (start the app with `npm start`).");
  return services;
}
