import { DeckList } from "@/components/library/deck-list";
import { NewDeckButton } from "@/components/library/new-deck-button";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const decks = await getServices().decks.list();
  return (
    <main className="library">
      <header className="library-header">
        <h1>Podium</h1>
        <NewDeckButton />
      </header>
      <DeckList decks={decks} />
    </main>
  );
}
