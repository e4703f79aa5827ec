// What a deck renderer remembers between renders, by source text: every slide (or part) the last
// render used, however many the deck has, plus the most recent others in a small LRU (an undo, a
// slide switched back and forth). A plain LRU smaller than the deck would evict slides the very
// render that follows needs again, re-rendering the whole deck on every keystroke; one as large as
// the slide limit would keep thousands of stale slides of past edits.
import { LruCache } from "./lru-cache";

export class RenderCache<V> {
  /** Used by the render in progress. */
  private current = new Map<string, V>();
  /** Used by the last finished render and not (yet) by this one. */
  private previous = new Map<string, V>();
  private readonly recent: LruCache<string, V>;

  /** @param recentEntries entries kept beyond those the last render used */
  constructor(recentEntries: number) {
    this.recent = new LruCache(recentEntries);
  }

  /** Entries the next render can reuse without rendering them again. */
  get size(): number {
    return this.current.size + this.previous.size + this.recent.size;
  }

  get(key: string): V | undefined {
    const used = this.current.get(key);
    if (used !== undefined) return used;
    const value = this.previous.get(key) ?? this.recent.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  /** A render finished: what it used is kept whole; what it did not goes to the bounded LRU. */
  endRender(): void {
    for (const [key, value] of this.previous) if (!this.current.has(key)) this.recent.set(key, value);
    this.previous = this.current;
    this.current = new Map();
  }

  /**
   * A render that used what the last one did, but `dropped` (the texts of the slides it edited),
   * and what it got since: a dropped entry it did not use again goes to the bounded LRU.
   */
  endEdit(dropped: Iterable<string>): void {
    for (const key of dropped) {
      const value = this.current.has(key) ? undefined : this.previous.get(key);
      if (value === undefined) continue;
      this.previous.delete(key);
      this.recent.set(key, value);
    }
    for (const [key, value] of this.current) this.previous.set(key, value);
    this.current = new Map();
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
    this.recent.clear();
  }
}
