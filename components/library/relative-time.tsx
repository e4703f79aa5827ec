"use client";

import { useSyncExternalStore } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "3 days ago", with the exact time on hover; rendered as the absolute time until the client knows "now". */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(subscribeToMinutes, currentMinute, () => null);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${absolute.format(date)} UTC`}>
      {now === null ? `${absolute.format(date)} UTC` : format(date.getTime() - now)}
    </time>
  );
}

function format(deltaMs: number): string {
  for (const [unit, size] of UNITS) {
    if (Math.abs(deltaMs) >= size) return relative.format(Math.round(deltaMs / size), unit);
  }
  return "just now";
}

function subscribeToMinutes(onChange: () => void): () => void {
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
}

/** Stable within a minute, so React sees the same snapshot until the minute changes. */
function currentMinute(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}
