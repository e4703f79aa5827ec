// Fences HedgeDoc draws as diagrams (```mermaid, graphviz, sequence, flow, abc), rendered with the
// markup HedgeDoc 1.12 gives them before drawing (extra.js: the fence rule puts the language, `hljs`
// and `raw` on the <code>, highlightRender wraps the escaped source in `<div class="… raw">`). The
// deck frame (components/preview/frame/diagrams.ts) finds that div and draws it; until then, or
// when drawing fails, the source shows as code.
import { escapeHtml } from "./html-escape";

/** Fence language → the class of HedgeDoc's `<div class="… raw">` holding the source. */
export const DIAGRAM_KINDS: ReadonlyMap<string, string> = new Map([
  ["mermaid", "mermaid"],
  ["graphviz", "graphviz"],
  ["sequence", "sequence-diagram"],
  ["flow", "flow-chart"],
  ["abc", "abc"],
]);

/** Fence languages drawn as diagrams in the deck frame. */
export const DIAGRAM_LANGUAGES: ReadonlySet<string> = new Set(DIAGRAM_KINDS.keys());

/** HedgeDoc's HTML for a diagram fence, or null when the fence is not a diagram. */
export function diagramFence(code: string, info: string): string | null {
  // HedgeDoc compares the language exactly; Podium also takes ```Mermaid (nobody means code by it).
  const language = (info.trim().split(/\s+/, 1)[0] ?? "").toLowerCase();
  const holder = DIAGRAM_KINDS.get(language);
  if (!holder) return null;
  return `<pre><code class="${language} hljs raw"><div class="${holder} raw">${escapeHtml(code)}</div></code></pre>\n`;
}
