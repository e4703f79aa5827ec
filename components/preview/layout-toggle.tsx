"use client";

// Editor only / editor and preview / preview only.
import { EDITOR_LAYOUTS, type EditorLayout } from "./layout-preference";

const LABELS: Record<EditorLayout, string> = { editor: "Editor", both: "Both", preview: "Preview" };

export function LayoutToggle({ layout, onChange }: { layout: EditorLayout; onChange: (layout: EditorLayout) => void }) {
  return (
    <div className="layout-toggle" role="radiogroup" aria-label="Show">
      {EDITOR_LAYOUTS.map((choice) => (
        <button key={choice} type="button" role="radio" aria-checked={layout === choice} className="layout-choice" onClick={() => onChange(choice)}>
          {LABELS[choice]}
        </button>
      ))}
    </div>
  );
}
