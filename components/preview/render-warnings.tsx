"use client";

// The renderer's warnings above the preview: the deck still renders, with defaults where a
// setting was refused. Each warning names its line; a click there moves the cursor to it.
import type { RenderWarning } from "@/core/render";

const SHOWN = 3;

export function RenderWarnings({ warnings, onSelectLine }: { warnings: readonly RenderWarning[]; onSelectLine: (line: number) => void }) {
  if (warnings.length === 0) return null;
  return (
    <div className="render-warnings" role="status" data-testid="render-warnings">
      <strong>{warnings.length === 1 ? "1 problem in the deck settings" : `${warnings.length} problems in the deck settings`}</strong>
      <ul>
        {warnings.slice(0, SHOWN).map((warning, index) => (
          <li key={index}>
            <button type="button" className="render-warning-line" onClick={() => onSelectLine(warning.line)}>
              Line {warning.line}
            </button>{" "}
            {warning.message}
          </li>
        ))}
        {warnings.length > SHOWN && <li>… and {warnings.length - SHOWN} more (marked in the editor)</li>}
      </ul>
    </div>
  );
}
