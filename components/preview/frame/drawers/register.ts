// How a diagram library's bundle (public/vendor/diagrams/<kind>.js, built from this folder by
// scripts/build-vendor-assets.mjs) hands its drawing function to the deck frame's diagrams.ts:
// each bundle registers one drawer on the window when it runs, whether the frame loaded it on
// demand or the offline export inlined it before its own script.

/** Draws `source` into `into` (an element in the document, laid out but out of sight); throws the parser's error. */
export type Drawer = (source: string, into: HTMLElement) => void | Promise<void>;

interface DrawerWindow {
  podiumDiagramDrawers?: Record<string, Drawer>;
}

export function registerDrawer(kind: string, draw: Drawer): void {
  const host = window as unknown as DrawerWindow;
  (host.podiumDiagramDrawers ??= {})[kind] = draw;
}

export function registeredDrawer(kind: string): Drawer | undefined {
  return (window as unknown as DrawerWindow).podiumDiagramDrawers?.[kind];
}

/** Lets an SVG drawn at its own pixel size scale down with the slide, as HedgeDoc does for sequence and abc. */
export function scalable(svg: SVGSVGElement | null): void {
  if (!svg) return;
  const width = parseFloat(svg.getAttribute("width") ?? "");
  const height = parseFloat(svg.getAttribute("height") ?? "");
  if (width > 0 && height > 0 && !svg.getAttribute("viewBox")) svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
}
