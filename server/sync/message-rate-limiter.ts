// Per-connection message rate: a token bucket. A connection that sends faster than the rate is not
// dropped but read more slowly: its socket is paused until the bucket refills, so the excess waits
// in the client's and the kernel's buffers, not in the server's memory.

export class MessageRateLimiter {
  private tokens: number;
  private last = performance.now();

  /** `perSecond` 0 means no limit. */
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one message; returns how many ms the sender should be paused (0: carry on). */
  take(): number {
    if (this.perSecond === 0) return 0;
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return 0;
    return Math.ceil((-this.tokens * 1000) / this.perSecond);
  }
}
