// The access module's face towards the WebSocket endpoint: decides an upgrade before it happens
// (401/403/404 as a plain HTTP answer), and hands the admitted connection to LiveAccess.
import type { IncomingMessage } from "node:http";
import { allows } from "../../core/access";
import type { AccessControl } from "./access-control";
import { AuthenticationError, type Actor } from "./actor";
import { isSameOrigin } from "./csrf";
import type { LiveAccess, LiveConnection } from "./live-access";

export type UpgradeDecision =
  | { refuse: { status: 401 | 403 | 404; message: string } }
  | { refuse?: undefined; canWrite: boolean; editorId: string | null; watch(connection: LiveConnection): () => void };

export type UpgradeAuthorizer = (request: IncomingMessage, deckId: string) => Promise<UpgradeDecision>;

export function createUpgradeAuthorizer(access: AccessControl, live: LiveAccess, trustedOrigins: readonly string[]): UpgradeAuthorizer {
  return async (request, deckId) => {
    const headers = toHeaders(request);
    let actor: Actor;
    try {
      actor = await access.resolveActor(headers);
    } catch (error) {
      if (error instanceof AuthenticationError) return { refuse: { status: 401, message: error.message } };
      throw error;
    }
    // Cross-site WebSocket hijacking: a cookie only counts when the page is one of ours.
    if (actor.kind === "user" && actor.via === "session" && !isSameOrigin(headers, trustedOrigins)) {
      return { refuse: { status: 403, message: "Cross-site WebSocket refused." } };
    }
    const role = await access.deckRole(actor, deckId);
    if (role === null) return { refuse: { status: 404, message: "No deck with this id." } };
    if (!allows(role, "read")) {
      return actor.kind === "guest"
        ? { refuse: { status: 401, message: "Sign in to open this deck." } }
        : { refuse: { status: 403, message: "You have no access to this deck." } };
    }
    return {
      canWrite: allows(role, "write"),
      editorId: actor.kind === "user" ? actor.user.id : null,
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
