import Link from "next/link";
import type { SeriesCall } from "@/core/api/series";
import { CallDate } from "./call-date";

/** A series' calls by date, each a link to its deck. */
export function SeriesCalls({ calls, label, empty }: { calls: SeriesCall[]; label: string; empty: string }) {
  if (calls.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="series-calls" aria-label={label}>
      {calls.map((call) => (
        <li key={call.id} data-deck-id={call.id}>
          <CallDate date={call.callDate} />
          <Link href={call.url}>{call.title || "Untitled"}</Link>
          {call.locked && <span className="badge archived">Locked</span>}
          {call.readiness && <span className="muted series-call-readiness">{call.readiness}</span>}
        </li>
      ))}
    </ul>
  );
}
