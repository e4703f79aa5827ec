import Link from "next/link";
import type { SeriesSummary } from "@/core/api/series";
import { CallDate } from "./call-date";
import { cadenceLabel } from "./cadence-label";

/** The library's series, each as one entry with its next and latest call by date. */
export function SeriesList({ series }: { series: SeriesSummary[] }) {
  if (series.length === 0) return null;
  return (
    <section aria-labelledby="series-heading">
      <div className="series-heading">
        <h2 id="series-heading">Series</h2>
      </div>
      <ul className="series-list" aria-label="Series">
        {series.map((entry) => (
          <li key={entry.id} className="series-entry" data-series-id={entry.id}>
            <h3>
              <Link href={entry.url}>{entry.name}</Link>
            </h3>
            <span className="muted">{cadenceLabel(entry)}</span>
            <dl>
              <dt>Next call</dt>
              <dd>
                {entry.upcoming ? (
                  <Link href={entry.upcoming.url}>
                    <CallDate date={entry.upcoming.callDate} />
                  </Link>
                ) : (
                  <span>
                    <CallDate date={entry.nextCallDate} className="call-date muted" /> <span className="muted">not prepared yet</span>
                  </span>
                )}
              </dd>
              <dt>Last call</dt>
              <dd>
                {entry.latest ? (
                  <Link href={entry.latest.url}>
                    <CallDate date={entry.latest.callDate} />
                  </Link>
                ) : (
                  <span className="muted">none yet</span>
                )}
              </dd>
              <dt>Calls</dt>
              <dd>{entry.callCount}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
