// The access module's face towards the WebSocket endpoint: decides an upgrade before it happens
// (401/403/404 as a plain HTTP answer), and hands the admitted connection to LiveAccess.
import type { IncomingMessage } from "node:http";
import { allows } from "../../core/access";
import type { AccessControl } from "./access-control";
import { AuthenticationError, type Actor } from "./actor";
import { isSameOrigin } from "./csrf";
import type { LiveAccess, LiveConnection } from "./live-access";
import type { PresenterIdentity } from "../sync/presenter-channel";
import type { PresenterPairings } from "./presenter-pairings";

export type UpgradeDecision =
  | { refuse: { code: "unauthorized" | "forbidden" | "not_found"; message: string } }
  | { refuse?: undefined; canWrite: boolean; editorId: string | null; identity: PresenterIdentity; watch(connection: LiveConnection): () => void };

export type UpgradeAuthorizer = (request: IncomingMessage, deckId: string) => Promise<UpgradeDecision>;

export function createUpgradeAuthorizer(
  access: AccessControl,
  live: LiveAccess,
  trustedOrigins: readonly string[],
  pairings?: PresenterPairings,
): UpgradeAuthorizer {
  return async (request, deckId) => {
    const headers = toHeaders(request);
    // A paired device (server/access/presenter-pairings.ts): reads the deck and steers its
    // creator's slideshow, whoever the request's cookie says it is.
    const pairingSecret = pairings ? new URL(request.url ?? "/", "http://podium.invalid").searchParams.get("pairing") : null;
    if (pairings && pairingSecret !== null) {
      const pairing = await pairings.authenticate(deckId, pairingSecret);
      if (!pairing) return { refuse: { code: "unauthorized", message: "This device's pairing is unknown, expired or revoked: pair it again." } };
      return {
        canWrite: false,
        editorId: null,
        identity: { userId: null, name: pairing.creatorName, pairing: { id: pairing.id, userId: pairing.createdById } },
        watch: (connection) => pairings.watch(pairing.id, connection),
      };
    }
    let actor: Actor;
    try {
      actor = await access.resolveActor(headers);
    } catch (error) {
      if (error instanceof AuthenticationError) return { refuse: { code: "unauthorized", message: error.message } };
      throw error;
    }
    // Cross-site WebSocket hijacking: a cookie only counts when the page is one of ours.
    if (actor.kind === "user" && actor.via === "session" && !isSameOrigin(headers, trustedOrigins)) {
      return { refuse: { code: "forbidden", message: "Cross-site WebSocket refused." } };
    }
    const role = await access.deckRole(actor, deckId);
    if (role === null) return { refuse: { code: "not_found", message: "No deck with this id." } };
    if (!allows(role, "read")) {
      return actor.kind === "guest"
        ? { refuse: { code: "unauthorized", message: "Sign in to open this deck." } }
        : { refuse: { code: "forbidden", message: "You have no access to this deck." } };
    }
    return {
      canWrite: allows(role, "write"),
      editorId: actor.kind === "user" ? actor.user.id : null,
      identity: actor.kind === "user" ? { userId: actor.user.id, name: actor.user.name, pairing: null } : { userId: null, name: "Guest", pairing: null },
      watch: (connection) => live.watch(deckId, actor, role, connection),
    };
  };
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}
