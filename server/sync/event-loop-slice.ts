// Shares the event loop fairly between sockets. One socket read can carry thousands of messages
// (a client replaying offline edits, or a flood); applying them all in one go would hold the loop
// for as long as that takes, and every other room's messages, the timers and PostgreSQL's answers
// to the update log's commits would wait behind it. So message handling runs in slices: once a
// slice has used SLICE_MS, connections defer what is left to the next turn of the loop.

const SLICE_MS = 8;

let sliceStartedAt: number | null = null;

function endSlice(): void {
  sliceStartedAt = null;
}

/** True once the current turn of the event loop has spent its slice on messages. */
export function sliceUsedUp(): boolean {
  const now = performance.now();
  if (sliceStartedAt === null) {
    sliceStartedAt = now;
    // Runs after this turn's I/O callbacks: the next turn starts a fresh slice.
    setImmediate(endSlice);
    return false;
  }
  return now - sliceStartedAt >= SLICE_MS;
}
