"use client";

// The readiness summary on the deck: "6 of 9 sections ready; Team Ops has no owner".
import { readinessSummary } from "@/core/sections/readiness";
import { useSectionsState } from "./sections-context";
import "./sections.css";

export function ReadinessLine() {
  const state = useSectionsState();
  if (!state) return null;
  const summary = readinessSummary(state.sections);
  const complete = summary.total > 0 && summary.ready === summary.total;
  return (
    <p className={complete ? "readiness-line complete" : "readiness-line"} data-testid="readiness-summary" role="status">
      {summary.text}
    </p>
  );
}
