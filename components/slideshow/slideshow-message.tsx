// What the slideshow shows instead of a blank page: why there are no slides, and a way back.
import Link from "next/link";

export function SlideshowMessage({ deckId, title, detail }: { deckId: string; title: string; detail?: string }) {
  return (
    <main className="slideshow-message" role="alert">
      <h1>{title}</h1>
      {detail && <p>{detail}</p>}
      <p>
        <Link href={`/d/${encodeURIComponent(deckId)}`}>Open the deck in the editor</Link>
      </p>
    </main>
  );
}
