import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { cadenceLabel } from "@/components/series/cadence-label";
import { EditSeriesButton } from "@/components/series/edit-series-button";
import { PrepareNextCallButton } from "@/components/series/prepare-next-call-button";
import { SeriesCalls } from "@/components/series/series-calls";
import "@/components/auth/accounts.css";
import "@/components/library/library.css";
import type { SeriesSettings } from "@/core/api/series";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ folder: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { folder } = await params;
  return { title: folder.replaceAll("-", " ") };
}

/** A series: its settings, "Prepare next call", and its upcoming and past calls by date. */
export default async function SeriesPage({ params }: Props) {
  const { folder } = await params;
  const { access, series } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") redirect(`/sign-in?next=/s/${encodeURIComponent(folder)}`);
  const detail = /^[a-z0-9-]{1,64}$/.test(folder) ? await series.byFolder(folder, actor) : null;
  if (!detail) notFound();
  const settings: SeriesSettings = {
    name: detail.name,
    folder: detail.folder,
    cadenceDays: detail.cadenceDays,
    weekday: detail.weekday,
    startTime: detail.startTime,
    timeZone: detail.timeZone,
    durationMinutes: detail.durationMinutes,
    templateDeckId: detail.templateDeckId,
    prepareDaysAhead: detail.prepareDaysAhead,
    lockAfterMinutes: detail.lockAfterMinutes,
  };
  return (
    <main className="library">
      <header className="library-header">
        <h1>{detail.name}</h1>
        <div className="library-actions">
          <Link href="/">All decks</Link>
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <div className="series-settings">
        <span>{cadenceLabel(detail)}</span>
        {detail.prepareDaysAhead !== null && <span className="muted">Prepared automatically {detail.prepareDaysAhead} days ahead</span>}
        <PrepareNextCallButton seriesId={detail.id} nextCallDate={detail.nextCallDate} />
        {detail.canEdit && <EditSeriesButton seriesId={detail.id} settings={settings} canAutomate={actor.user.role === "admin"} />}
      </div>
      <div className="series-page-calls">
        <section>
          <h2>Next calls</h2>
          <SeriesCalls calls={detail.upcomingCalls} label="Next calls" empty="No call prepared yet." />
        </section>
        <section>
          <h2>Past calls</h2>
          <SeriesCalls calls={detail.pastCalls} label="Past calls" empty="No past calls." />
        </section>
      </div>
    </main>
  );
}
