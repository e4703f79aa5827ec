import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { SpeakerView } from "@/components/slideshow/speaker-view";
import { editorPageAccess } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Speaker view" };

export default async function SpeakerPage({ params }: Props) {
  const { id } = await params;
  const decision = await editorPageAccess(getServices().access, await headers(), id);
  if (decision.kind === "not-found") notFound();
  if (decision.kind === "sign-in") redirect(`/sign-in?next=${encodeURIComponent(`/d/${id}/slides/speaker`)}`);
  if (decision.kind === "forbidden") notFound();
  return <SpeakerView deckId={id} />;
}
