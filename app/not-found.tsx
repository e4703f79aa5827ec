import Link from "next/link";

export default function NotFound() {
  return (
    <main className="library">
      <h1>Not found</h1>
      <p>There is no deck here. It may have been deleted, or the link is mistyped.</p>
      <Link href="/">Back to all decks</Link>
    </main>
  );
}
