// Counts open sync connections per client address, so one address cannot hold every socket the
// server has. The address is server/auth/client-address.ts's, the one the sign-in rate limits count.
export { clientAddress } from "../auth/client-address";

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
