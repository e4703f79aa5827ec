"use client";

// Formatting buttons above the editor; each runs the same command as its keyboard shortcut.
import { openSearchPanel } from "@codemirror/search";
import type { Command, EditorView } from "@codemirror/view";
import { useSyncExternalStore, memo } from "react";
import { yUndoManagerKeymap } from "y-codemirror.next";
import { MARKDOWN_ACTIONS } from "./markdown-commands";
import { ToolbarIcon } from "./toolbar-icon";

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-Enter" → "Ctrl+Shift+Enter" (or "⌘⇧Enter" on a Mac). */
function shortcutLabel(key: string, mac: boolean): string {
  const names: Record<string, string> = mac ? { Mod: "⌘", Alt: "⌥", Shift: "⇧" } : { Mod: "Ctrl", Alt: "Alt", Shift: "Shift" };
  return key
    .split("-")
    .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(mac ? "" : "+");
}

const keyed = (key: string): Command => yUndoManagerKeymap.find((binding) => binding.key === key)!.run!;

const GROUPS: { id: string; label: string; key: string; run: Command }[][] = [
  MARKDOWN_ACTIONS.slice(0, 4),
  MARKDOWN_ACTIONS.slice(4, 6),
  MARKDOWN_ACTIONS.slice(6),
  [
    { id: "undo", label: "Undo my last change", key: "Mod-z", run: keyed("Mod-z") },
    { id: "redo", label: "Redo", key: "Mod-Shift-z", run: keyed("Mod-Shift-z") },
    { id: "search", label: "Find and replace", key: "Mod-f", run: openSearchPanel },
  ],
];

// Memoised: the editor screen re-renders on every keystroke (save status), this need not.
export const MarkdownToolbar = memo(function MarkdownToolbar({ view }: { view: EditorView | null }) {
  const mac = useSyncExternalStore(noSubscription, isMac, () => false);
  return (
    <div className="markdown-toolbar" role="toolbar" aria-label="Formatting">
      {GROUPS.map((group, index) => (
        <div className="toolbar-group" key={index}>
          {group.map((action) => (
            <button
              key={action.id}
              type="button"
              className="toolbar-button"
              title={`${action.label} (${shortcutLabel(action.key, mac)})`}
              aria-label={action.label}
              disabled={!view}
              // Keep the editor's focus and selection: the command works on them.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (!view) return;
                action.run(view);
                view.focus();
              }}
            >
              <ToolbarIcon name={action.id} />
            </button>
          ))}
        </div>
      ))}
    </div>
  );
});

function noSubscription(): () => void {
  return () => undefined;
}
