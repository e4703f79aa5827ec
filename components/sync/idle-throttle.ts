// Work that follows typing (the outline, the sections, where each peer's cursor is) runs at most
// every `intervalMs`, in the browser's idle time, so that a keystroke's paint never waits for a
// pass over a large deck; and no later than one more interval, even on a page that never idles.
export interface IdleThrottle {
  schedule(): void;
  cancel(): void;
}

export function idleThrottle(run: () => void, intervalMs: number): IdleThrottle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  const fire = () => {
    idle = null;
    timer = null;
    run();
  };
  return {
    schedule() {
      if (timer !== null || idle !== null) return;
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === "function") idle = requestIdleCallback(fire, { timeout: intervalMs });
        else fire();
      }, intervalMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
      timer = idle = null;
    },
  };
}
