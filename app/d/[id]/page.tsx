import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { EditorScreen } from "@/components/editor/editor-screen";
import "@/components/auth/accounts.css";
import { deckPageAccess } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

async function decide(id: string) {
  return deckPageAccess(getServices(), await headers(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { deck } = await decide((await params).id);
  return { title: deck ? deck.title || "Untitled" : "Podium" };
}

export default async function DeckPage({ params }: Props) {
  const { id } = await params;
  const { decision, deck } = await decide(id);
  switch (decision.kind) {
    case "not-found":
      notFound();
    case "sign-in":
      redirect(`/sign-in?next=${encodeURIComponent(`/d/${id}`)}`);
    case "forbidden":
      return (
        <main className="auth-page">
          <h1>No access</h1>
          <p>You have no access to this deck. Ask its owner to share it with you.</p>
          <p className="library-actions">
            <Link href="/">All decks</Link>
            <AccountMenu viewer={decision.viewer} returnTo={`/d/${id}`} />
          </p>
        </main>
      );
    case "editor":
      if (!deck) notFound();
      return <EditorScreen deckId={deck.id} initialTitle={deck.title} role={decision.role} viewer={decision.viewer} />;
  }
}
