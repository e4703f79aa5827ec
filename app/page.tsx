import Link from "next/link";
import { headers } from "next/headers";
import { AccountMenu } from "@/components/auth/account-menu";
import { ImportButton } from "@/components/library/import-button";
import { LibraryBrowser } from "@/components/library/library-browser";
import { NewDeckButton } from "@/components/library/new-deck-button";
import { NewFromTemplateButton } from "@/components/library/new-from-template-button";
import "@/components/auth/accounts.css";
import "@/components/library/library.css";
import { libraryCapability } from "@/server/access/deck-access";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const { access, libraryQuery } = getServices();
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
  const [initial, facets] = await Promise.all([libraryQuery.list(actor, {}), libraryQuery.facets(actor)]);
  const canArchive = libraryCapability(actor, "archive");
  return (
    <main className="library">
      <header className="library-header">
        <h1>Podium</h1>
        <div className="library-actions">
          <ImportButton />
          <NewFromTemplateButton />
          <NewDeckButton />
          {canArchive && <Link href="/admin/archive">Archive</Link>}
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <LibraryBrowser initial={initial} facets={facets} canArchive={canArchive} />
    </main>
  );
}
