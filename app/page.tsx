import Link from "next/link";
import { headers } from "next/headers";
import { AccountMenu } from "@/components/auth/account-menu";
import { DeckList } from "@/components/library/deck-list";
import { NewDeckButton } from "@/components/library/new-deck-button";
import "@/components/auth/accounts.css";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const { access, decks } = getServices();
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
  return (
    <main className="library">
      <header className="library-header">
        <h1>Podium</h1>
        <div className="library-actions">
          <NewDeckButton />
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <DeckList decks={await decks.list(access.readableDecks(actor))} />
    </main>
  );
}
