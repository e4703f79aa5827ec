import Link from "next/link";
import type { DeckSummary } from "@/core/api-types";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function DeckList({ decks }: { decks: DeckSummary[] }) {
  if (decks.length === 0) {
    return <p className="empty-library">No decks yet. Create the first one with “New deck”.</p>;
  }
  return (
    <ul className="deck-list" aria-label="Decks">
      {decks.map((deck) => (
        <li key={deck.id}>
          <Link href={`/d/${deck.id}`}>
            <span>
              <span className={deck.title ? "deck-title" : "deck-title untitled"}>{deck.title || "Untitled"}</span>
              {deck.tags.map((tag) => (
                <span className="tag" key={tag}>
                  {tag}
                </span>
              ))}
            </span>
            <time className="deck-meta" dateTime={deck.updatedAt}>
              {timeFormat.format(new Date(deck.updatedAt))} UTC
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
