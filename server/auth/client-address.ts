// Which client a request comes from, for every limit kept per client: better-auth's sign-in and
// sign-up rate limits and the sync server's open connections per address. The one rule: the
// socket's peer; behind a reverse proxy we trust (TRUST_PROXY), the last X-Forwarded-For hop, the
// address the proxy itself saw (the hops before it are whatever the client sent, and a client
// choosing its own address could dodge every limit with a new header per try).
import type { IncomingMessage } from "node:http";

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
    const last = value?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? "unknown";
}

/**
 * Before Next.js and better-auth see a request: X-Forwarded-For becomes the one address above.
 * better-auth trusts a single-value header as it is (BETTER_AUTH_IP_ADDRESS sets no
 * `trustedProxies`), so its limits count the client the connection limit counts.
 */
export function setClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  request.headers["x-forwarded-for"] = clientAddress(request, trustProxy);
}

/** better-auth's `advanced.ipAddress`: read the header setClientAddress wrote, and nothing else. */
export const BETTER_AUTH_IP_ADDRESS = { ipAddressHeaders: ["x-forwarded-for"] };
