// Diagrams in the deck frame. core/render/diagram-fence.ts gives ```mermaid, graphviz, sequence,
// flow and abc fences HedgeDoc 1.12's markup: `<pre><code class="graphviz hljs raw"><div
// class="graphviz raw">source</div></code></pre>`. They are drawn here, inside the sandboxed
// frame, by libraries from our own build (public/vendor/diagrams/), each loaded only when a deck
// has a diagram of its kind; mermaid runs with securityLevel "strict" (its own sanitizing, no
// click handlers, no HTML labels).
// As in HedgeDoc, a drawn diagram replaces the <code> (its <pre> gets the kind's class); a failed
// one keeps its source (the <code> unwrapped) with the parser's message in an alert under it.
// Drawings and errors are cached by kind and source: a keystroke elsewhere redraws from the cache
// in the same task (no flash of code), and the drawing is asynchronous: it never holds up typing.
import { registeredDrawer, type Drawer } from "./drawers/register";

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, source: string): Promise<{ svg: string }>;
}

/** HedgeDoc's holder class → the kind's drawer bundle under /vendor/diagrams/. */
const KINDS: Readonly<Record<string, string>> = {
  mermaid: "mermaid",
  graphviz: "graphviz",
  "sequence-diagram": "sequence",
  "flow-chart": "flow",
  abc: "abc",
};
const HOLDERS = Object.keys(KINDS)
  .map((holder) => `pre > code > div.${holder}.raw`)
  .join(", ");
const MAX_CACHED = 200;

const drawers = new Map<string, Promise<Drawer>>();
/** kind + source → the drawing's SVG markup (or its error), once known. */
const settled = new Map<string, { svg: string } | { error: string }>();
const drawing = new Map<string, Promise<void>>();
let sequence = 0;

function loadScript(src: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.appendChild(script);
  });
}

function mermaidDrawer(api: MermaidApi): Drawer {
  api.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
  return async (source, into) => {
    into.innerHTML = (await api.render(`podium-mermaid-${++sequence}`, source)).svg;
  };
}

/** The kind's drawer: already on the window (the offline export inlines them), else its bundle loaded now. */
function loadDrawer(kind: string): Promise<Drawer> {
  let drawer = drawers.get(kind);
  if (!drawer) {
    const present = () => (kind === "mermaid" ? ((window as unknown as { mermaid?: MermaidApi }).mermaid ?? null) : (registeredDrawer(kind) ?? null));
    const made = (found: MermaidApi | Drawer | null): Drawer => {
      if (!found) throw new Error(`the ${kind} drawing library did not load`);
      return kind === "mermaid" ? mermaidDrawer(found as MermaidApi) : (found as Drawer);
    };
    const found = present();
    drawer = found ? Promise.resolve(made(found)) : loadScript(`/vendor/diagrams/${kind}.js`).then(() => made(present()));
    drawers.set(kind, drawer);
  }
  return drawer;
}

/** Draws off screen (laid out, so the libraries can measure text) and keeps the SVG markup. */
async function draw(kind: string, source: string): Promise<{ svg: string }> {
  const drawer = await loadDrawer(kind);
  const scratch = document.createElement("div");
  scratch.style.cssText = "position:absolute;left:-100000px;top:0;visibility:hidden";
  document.body.appendChild(scratch);
  try {
    await drawer(source, scratch);
    stripActive(scratch);
    if (!scratch.querySelector("svg")) throw new Error("nothing was drawn");
    return { svg: scratch.innerHTML };
  } finally {
    scratch.remove();
  }
}

/** Script, event handlers and script URLs out of a drawing (graphviz passes URL attributes through). */
function stripActive(root: HTMLElement): void {
  for (const element of root.querySelectorAll("script")) element.remove();
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of Array.from(element.attributes)) {
      const scriptUrl = /href$/i.test(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value);
      if (/^on/i.test(attribute.name) || scriptUrl) element.removeAttribute(attribute.name);
    }
  }
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "str" in error) return String((error as { str: unknown }).str); // mermaid's parse errors
  return String(error);
}

function show(holder: HTMLElement, kindClass: string, result: { svg: string } | { error: string }): void {
  const pre = holder.closest("pre")!;
  const code = holder.parentElement!;
  if ("svg" in result) {
    pre.innerHTML = result.svg;
    pre.classList.add(kindClass);
    pre.dataset.drawn = "yes";
    return;
  }
  code.replaceWith(holder);
  holder.classList.remove("raw");
  const alert = document.createElement("div");
  alert.className = "alert alert-warning diagram-error";
  alert.textContent = result.error;
  pre.appendChild(alert);
  pre.dataset.drawn = "failed";
}

/** Draws the diagrams under `root` that are not drawn yet; `onDrawn` runs after each drawn later (re-centre). */
export function drawDiagrams(root: ParentNode, onDrawn: () => void): void {
  for (const holder of root.querySelectorAll<HTMLElement>(HOLDERS)) {
    const kindClass = Array.from(holder.classList).find((name) => name in KINDS)!;
    const kind = KINDS[kindClass]!;
    const source = holder.textContent ?? "";
    const key = `${kind}\u0000${source}`;
    const known = settled.get(key);
    if (known) {
      show(holder, kindClass, known);
      continue;
    }
    let pending = drawing.get(key);
    if (!pending) {
      pending = draw(kind, source).then(
        (svg) => remember(key, svg),
        (error: unknown) => remember(key, { error: message(error) }),
      );
      drawing.set(key, pending);
    }
    void pending.then(() => {
      // The slide may have changed meanwhile; a holder still showing this source is drawn now.
      if (!holder.isConnected || holder.textContent !== source || !holder.classList.contains("raw")) return;
      show(holder, kindClass, settled.get(key)!);
      onDrawn();
    });
  }
}

function remember(key: string, result: { svg: string } | { error: string }): void {
  drawing.delete(key);
  if (settled.size >= MAX_CACHED) settled.delete(settled.keys().next().value!);
  settled.set(key, result);
}
