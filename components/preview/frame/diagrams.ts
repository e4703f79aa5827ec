// Diagrams in the deck frame: ```mermaid blocks (core/render/highlight.ts marks them
// `pre[data-diagram]`) are drawn here, inside the sandboxed frame, by mermaid from our own build
// (public/vendor/diagrams/mermaid.js), which is loaded only when a deck has such a block. Mermaid
// runs with securityLevel "strict" (its own sanitizing, no click handlers, no HTML labels).
// Drawings are cached by source, so a keystroke elsewhere redraws from the cache at once, and the
// drawing is asynchronous: it never holds up the slide update. A diagram that fails keeps its
// source and shows the parser's message under it. Other diagram kinds stay code for now.

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

const MERMAID_SCRIPT = "/vendor/diagrams/mermaid.js";
const MAX_CACHED = 200;

let mermaid: Promise<MermaidApi> | null = null;
const drawn = new Map<string, Promise<string>>();
let sequence = 0;

function loadMermaid(): Promise<MermaidApi> {
  // The offline HTML export inlines mermaid before this script: use it as it is.
  const present = (window as unknown as { mermaid?: MermaidApi }).mermaid;
  if (present && !mermaid) {
    present.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
    mermaid = Promise.resolve(present);
  }
  mermaid ??= new Promise<MermaidApi>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = MERMAID_SCRIPT;
    script.onload = () => {
      const api = (window as unknown as { mermaid?: MermaidApi }).mermaid;
      if (!api) return reject(new Error("mermaid did not load"));
      api.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
      resolve(api);
    };
    script.onerror = () => reject(new Error("mermaid could not be loaded"));
    document.head.appendChild(script);
  });
  return mermaid;
}

function drawMermaid(source: string): Promise<string> {
  let svg = drawn.get(source);
  if (!svg) {
    svg = loadMermaid().then((api) => api.render(`podium-mermaid-${++sequence}`, source)).then((result) => result.svg);
    if (drawn.size >= MAX_CACHED) drawn.delete(drawn.keys().next().value!);
    drawn.set(source, svg);
  }
  return svg;
}

/** Draws the diagrams under `root` that are not drawn yet; `onDrawn` runs after each (re-centre). */
export function drawDiagrams(root: ParentNode, onDrawn: () => void): void {
  for (const block of root.querySelectorAll<HTMLElement>('pre[data-diagram="mermaid"]:not([data-drawn])')) {
    const source = block.textContent ?? "";
    block.dataset.drawn = "pending";
    drawMermaid(source).then(
      (svg) => {
        if (!block.isConnected || block.textContent !== source) return;
        const figure = document.createElement("div");
        figure.className = "diagram-drawing";
        figure.innerHTML = svg;
        block.replaceChildren(figure);
        block.dataset.drawn = "yes";
        onDrawn();
      },
      (error: unknown) => {
        if (!block.isConnected) return;
        const message = document.createElement("div");
        message.className = "alert alert-warning diagram-error";
        message.textContent = error instanceof Error ? error.message : String(error);
        block.after(message);
        block.dataset.drawn = "failed";
        onDrawn();
      },
    );
  }
}
