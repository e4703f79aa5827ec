// Pacing: how long each section of a deck may take, and how the call stands against it.
//
// A section is a horizontal slide with its vertical slides. Its budget, in seconds:
// 1. the `data-timing` of its first slide, when set (HedgeDoc-style `<!-- .slide: data-timing="300" -->`
//    on the section's first slide): the whole section, its vertical slides included, gets that long;
// 2. otherwise the sum of its slides' timings as reveal.js counts them: each slide's own
//    `data-timing`, else `slideOptions.defaultTiming`;
// 3. otherwise (no timing anywhere) the section has no budget, and counts as on time.
// A section's time used is the time the presenter spent on any of its slides (the server's
// presenter channel keeps it). The call is behind by the overrun of every section so far: for
// each section already left, used − budget (early sections make up time), and for the current
// one only what it is over its budget (being early in it is not yet time gained).
import type { RenderedDeck } from "./render";

export const MAX_TIMING_SECONDS = 86_400;

/** A `data-timing` value in seconds, or null when absent or not a plain non-negative number. */
export function parseTiming(value: string | undefined | null): number | null {
  if (value === undefined || value === null || !/^\s*\d{1,6}(?:\.\d{1,3})?\s*$/.test(value)) return null;
  const seconds = Number(value);
  return seconds <= MAX_TIMING_SECONDS ? seconds : null;
}

/** Budgets per section from each section's slide timings (null: not set on that slide). */
export function sectionBudgets(sections: readonly (readonly (number | null)[])[], defaultTiming: number | null): (number | null)[] {
  return sections.map((timings) => {
    const first = timings[0] ?? null;
    if (first !== null) return first;
    let sum = 0;
    let any = false;
    for (const timing of timings) {
      const seconds = timing ?? defaultTiming;
      if (seconds === null) continue;
      sum += seconds;
      any = true;
    }
    return any ? sum : null;
  });
}

/** The budgets of a rendered deck (its slides' attributes, its slideOptions). */
export function deckBudgets(deck: RenderedDeck): (number | null)[] {
  const fallback = deck.revealOptions.defaultTiming;
  const defaultTiming = typeof fallback === "number" && fallback >= 0 ? fallback : null;
  return sectionBudgets(
    deck.slides.map((section) => section.verticals.map((slide) => parseTiming(slide.attributes["data-timing"]))),
    defaultTiming,
  );
}

export interface SectionPace {
  h: number;
  usedMs: number;
  budgetMs: number | null;
  /** usedMs − budgetMs, when there is a budget. */
  overMs: number | null;
}

export interface CallPace {
  current: SectionPace | null;
  /** Positive: behind schedule by that much; negative: ahead. */
  behindMs: number;
  /** Sum of all budgets, in ms (null: no section has one). */
  totalBudgetMs: number | null;
}

/** Where the call stands, from the budgets, each section's time used, and the current section. */
export function callPace(budgets: readonly (number | null)[], sectionMs: Readonly<Record<number, number>>, currentH: number | null): CallPace {
  let behindMs = 0;
  let totalBudgetMs: number | null = null;
  for (const budget of budgets) if (budget !== null) totalBudgetMs = (totalBudgetMs ?? 0) + budget * 1000;
  let current: SectionPace | null = null;
  const sections = new Set([...Object.keys(sectionMs).map(Number), ...(currentH === null ? [] : [currentH])]);
  for (const h of sections) {
    const usedMs = sectionMs[h] ?? 0;
    const budget = budgets[h] ?? null;
    const budgetMs = budget === null ? null : budget * 1000;
    const overMs = budgetMs === null ? null : usedMs - budgetMs;
    if (h === currentH) {
      current = { h, usedMs, budgetMs, overMs };
      if (overMs !== null && overMs > 0) behindMs += overMs;
    } else if (overMs !== null) {
      behindMs += overMs;
    }
  }
  return { current, behindMs, totalBudgetMs };
}

/** "4:05", "1:02:03"; negative durations get a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}
