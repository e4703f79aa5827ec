import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { RemoteScreen } from "@/components/slideshow/remote-screen";
import { allows } from "@/core/access";
import { isValidDeckId } from "@/core/deck-id";
import { editorPageAccess } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Remote" };

// The remote works for a signed-in person who may edit the deck, or for a paired device that has
// no session at all: the page shows nothing of the deck itself, the WebSocket decides.
export default async function RemotePage({ params }: Props) {
  const { id } = await params;
  if (!isValidDeckId(id)) notFound();
  const decision = await editorPageAccess(getServices().access, await headers(), id);
  if (decision.kind === "not-found") notFound();
  const signedInWriter = decision.kind === "editor" && decision.viewer !== null && allows(decision.role, "write");
  return <RemoteScreen deckId={id} signedInWriter={signedInWriter} />;
}
