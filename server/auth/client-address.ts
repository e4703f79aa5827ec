// The client address better-auth rate-limits sign-in by. Next.js keeps an X-Forwarded-For the client
// sent, so unless Podium runs behind a proxy we trust (TRUST_PROXY), the header is replaced by the
// socket's address: otherwise anyone could dodge the limit by sending a new header per try.
import type { IncomingMessage } from "node:http";

export function setClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy && request.headers["x-forwarded-for"]) return;
  request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
}
