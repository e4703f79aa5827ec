"use client";

// Document or slides: the preview follows the frontmatter (`type: slide` or `slideOptions` show
// slides) until the person picks one, as HedgeDoc's view / slide mode buttons let them.
import type { DeckView } from "@/core/render";

export function PreviewViewToggle({ shown, onChange }: { shown: "slides" | "document"; onChange: (view: DeckView) => void }) {
  const choices = [
    ["document", "Document"],
    ["slides", "Slides"],
  ] as const;
  return (
    <div className="layout-toggle preview-view-toggle" role="radiogroup" aria-label="Preview as">
      {choices.map(([choice, label]) => (
        <button key={choice} type="button" role="radio" aria-checked={shown === choice} className="layout-choice" onClick={() => onChange(choice)}>
          {label}
        </button>
      ))}
    </div>
  );
}
