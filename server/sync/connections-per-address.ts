// Counts open sync connections per client address, so one address cannot hold every socket the
// server has. Behind a reverse proxy (TRUST_PROXY) the address is the last X-Forwarded-For hop the
// proxy added, not the proxy's own.
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

export class ConnectionsPerAddress {
  private counts = new Map<string, number>();

  /** `max` 0 means no limit. */
  constructor(private readonly max: number) {}

  /** Counts a connection from `address`; false (and nothing counted) when it is at the limit. */
  tryAdd(address: string): boolean {
    const count = this.counts.get(address) ?? 0;
    if (this.max > 0 && count >= this.max) return false;
    this.counts.set(address, count + 1);
    return true;
  }

  remove(address: string): void {
    const count = (this.counts.get(address) ?? 0) - 1;
    if (count > 0) this.counts.set(address, count);
    else this.counts.delete(address);
  }
}
