// The editor's icons: 16 px line drawings in the text colour (no icon font from elsewhere).
const PATHS: Record<string, string> = {
  bold: "M4 2.5h4.5a2.75 2.75 0 0 1 0 5.5H4zM4 8h5.25a2.75 2.75 0 0 1 0 5.5H4z",
  italic: "M7 2.5h5M4 13.5h5M10 2.5 6.5 13.5",
  heading: "M3 2.5v11M10 2.5v11M3 8h7M12.5 13.5V8l-1.5 1",
  list: "M6 4h8M6 8h8M6 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5",
  link: "M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8A3 3 0 0 0 7.2 13l.9-.9",
  image: "M2 3h12v10H2zM2 11l3.5-3.5 3 3L11 8l3 3M10.5 5.5h.01",
  slide: "M2 3.5h12v9H2zM8 5.5v5M5.5 8h5",
  "vertical-slide": "M3 2h10v6H3zM3 10.5h10M3 13.5h10M8 3.5v3M6.5 5h3",
  note: "M3 2.5h10v8l-3 3H3zM10 13.5v-3h3M5.5 6h5M5.5 8.5h3",
  undo: "M5.5 4 2.5 7l3 3M2.5 7h7a3.5 3.5 0 0 1 0 7H7",
  redo: "M10.5 4l3 3-3 3M13.5 7h-7a3.5 3.5 0 0 0 0 7H9",
  search: "M7 12A5 5 0 1 0 7 2a5 5 0 0 0 0 10zM10.5 10.5 14 14",
  light: "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1",
  dark: "M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7z",
  system: "M2 3h12v8H2zM6 14h4M8 11v3",
};

export function ToolbarIcon({ name }: { name: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={PATHS[name] ?? ""} />
    </svg>
  );
}
