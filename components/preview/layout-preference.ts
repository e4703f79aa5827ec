// Which panes the editor page shows, remembered in this browser until accounts keep preferences.
export const EDITOR_LAYOUTS = ["editor", "both", "preview"] as const;
export type EditorLayout = (typeof EDITOR_LAYOUTS)[number];

const KEY = "podium.editorLayout";
export const DEFAULT_LAYOUT: EditorLayout = "both";

export function loadLayout(): EditorLayout {
  const stored = localStorage.getItem(KEY);
  return (EDITOR_LAYOUTS as readonly string[]).includes(stored ?? "") ? (stored as EditorLayout) : DEFAULT_LAYOUT;
}

export function saveLayout(layout: EditorLayout): void {
  localStorage.setItem(KEY, layout);
}
