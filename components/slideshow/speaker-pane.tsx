"use client";

// One labelled pane of a speaker view or the remote: a slide or the notes in a sandboxed thumbnail frame.
import { DeckFrame } from "@/components/preview/deck-frame";
import type { DeckFrameHost } from "@/components/preview/deck-frame-host";

export interface SpeakerPaneProps {
  label: string;
  title: string;
  testId: string;
  className?: string;
  onHost: (host: DeckFrameHost | null) => void;
}

export function SpeakerPane({ label, title, testId, className, onHost }: SpeakerPaneProps) {
  return (
    <section className={className ? `speaker-pane ${className}` : "speaker-pane"}>
      <h2 className="speaker-label">{label}</h2>
      <DeckFrame mode="thumbnail" title={title} testId={testId} onHost={onHost} />
    </section>
  );
}
