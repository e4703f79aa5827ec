import Link from "next/link";
import { headers } from "next/headers";
import { AccountMenu } from "@/components/auth/account-menu";
import { ImportButton } from "@/components/library/import-button";
import { LibraryBrowser } from "@/components/library/library-browser";
import { NewDeckButton } from "@/components/library/new-deck-button";
import { NewFromTemplateButton } from "@/components/library/new-from-template-button";
import { NewSeriesButton } from "@/components/series/new-series-button";
import "@/components/auth/accounts.css";
import "@/components/library/library.css";
import { libraryQueryFromUrl, showsSeriesGrouped } from "@/core/library/library-url";
import { libraryCapability } from "@/server/access/deck-access";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: Props) {
  const { access, libraryQuery, series } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") {
    // Guests see no titles: they open what was shared with them by its link.
    return (
      <main className="library">
        <header className="library-header">
          <h1>Podium</h1>
          <AccountMenu viewer={null} />
        </header>
        <div className="sign-in-prompt">
          <p>Sign in to see and write your community&apos;s decks. A deck shared with guests opens straight from its link.</p>
          <p className="library-actions" style={{ justifyContent: "center" }}>
            <Link className="button" href="/sign-in">
              Sign in
            </Link>
            <Link href="/sign-up">Create an account</Link>
          </p>
        </div>
      </main>
    );
  }
  // The library's state is in its URL (?q=&tag=&owner=&sort=&page=&view=): render what it says.
  const query = libraryQueryFromUrl(toSearchParams(await searchParams));
  const [initial, facets, allSeries] = await Promise.all([
    libraryQuery.list(actor, { ...query, groupSeries: showsSeriesGrouped(query) }),
    libraryQuery.facets(actor),
    series.list(actor),
  ]);
  const canArchive = libraryCapability(actor, "archive");
  return (
    <main className="library">
      <header className="library-header">
        <h1>Podium</h1>
        <div className="library-actions">
          <ImportButton />
          <NewFromTemplateButton />
          <NewSeriesButton canAutomate={actor.user.role === "admin"} />
          <NewDeckButton />
          {canArchive && <Link href="/admin/archive">Archive</Link>}
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <LibraryBrowser initial={initial} facets={facets} canArchive={canArchive} series={allSeries} />
    </main>
  );
}

function toSearchParams(values: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}
