"use client";

// Pacing in the speaker view and the remote (core/presenter-pacing.ts): the current section's
// time against its budget, and whether the call is ahead or behind in total.
import { callPace, formatDuration } from "@/core/presenter-pacing";
import type { PresenterClock } from "./use-presenter-clock";

export function PacingPanel({ budgets, clock }: { budgets: readonly (number | null)[]; clock: PresenterClock | null }) {
  if (!clock || clock.currentH === null) return null;
  const pace = callPace(budgets, clock.sectionMs, clock.currentH);
  const current = pace.current;
  if (pace.totalBudgetMs === null) return null;
  const over = current?.overMs !== null && current?.overMs !== undefined && current.overMs > 0;
  // Under a second either way shows as on time (durations are shown in whole seconds).
  const onTime = Math.abs(pace.behindMs) < 1000;
  const total = onTime ? "On time" : pace.behindMs > 0 ? `Behind ${formatDuration(pace.behindMs)}` : `Ahead ${formatDuration(-pace.behindMs)}`;
  return (
    <div className="pacing" data-testid="pacing">
      {current && (
        <span className={over ? "pacing-section pacing-over" : "pacing-section"} data-testid="pacing-section" data-over={over ? "true" : "false"}>
          Section {current.h + 1}: {formatDuration(current.usedMs)}
          {current.budgetMs !== null ? ` of ${formatDuration(current.budgetMs)}` : " (no budget)"}
          {over ? ` — over by ${formatDuration(current.overMs!)}` : ""}
        </span>
      )}
      <span className={!onTime && pace.behindMs > 0 ? "pacing-total pacing-over" : "pacing-total"} data-testid="pacing-total">
        {total}
      </span>
    </div>
  );
}
