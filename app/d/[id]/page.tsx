import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditorScreen } from "@/components/editor/editor-screen";
import { isValidDeckId } from "@/core/deck-id";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

async function findDeck(id: string) {
  return isValidDeckId(id) ? getServices().decks.get(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const deck = await findDeck((await params).id);
  return { title: deck?.title || "Untitled" };
}

export default async function DeckPage({ params }: Props) {
  const deck = await findDeck((await params).id);
  if (!deck) notFound();
  return <EditorScreen deckId={deck.id} initialTitle={deck.title} />;
}
