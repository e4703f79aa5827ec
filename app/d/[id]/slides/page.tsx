import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { SlideshowScreen } from "@/components/slideshow/slideshow-screen";
import { allows } from "@/core/access";
import { deckPageAccess } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function decide(id: string) {
  return deckPageAccess(getServices(), await headers(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { deck } = await decide((await params).id);
  return { title: deck ? `${deck.title || "Untitled"} (slides)` : "Podium" };
}

export default async function SlidesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const follow = (await searchParams).follow !== undefined;
  const { decision, deck } = await decide(id);
  switch (decision.kind) {
    case "not-found":
      notFound();
    case "sign-in":
      redirect(`/sign-in?next=${encodeURIComponent(`/d/${id}/slides${follow ? "?follow" : ""}`)}`);
    case "forbidden":
      return (
        <main className="slideshow-message">
          <h1>No access</h1>
          <p>You have no access to this deck. Ask its owner to share it with you.</p>
          <p>
            <Link href="/">All decks</Link>
          </p>
        </main>
      );
    case "editor":
      if (!deck) notFound();
      return (
        <SlideshowScreen
          deckId={deck.id}
          canBroadcast={allows(decision.role, "write")}
          follow={follow}
        />
      );
  }
}
