// A deck as one self-contained .html file that presents offline: the deck rendered by THE renderer
// (core/render, sanitized on a jsdom window), reveal.js and its notes plugin, the theme, the code
// colours, KaTeX's CSS (with its fonts only when the deck has math) and the deck's /media/ images,
// all inlined. Its Content-Security-Policy forbids loading anything from anywhere but the file, and
// runs no script but the export's own (exportScripts), each pinned by its sha256: whatever a deck
// carries (a raw <script>, an onerror= in a slide attribute reveal.js turns into HTML) never runs.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { createDeckRenderer, createHtmlSanitizer, deckToRevealHtml, type DeckRenderer } from "../../core/render";
import { escapeHtml } from "../../core/render/html-escape";
import { stripRemoteImports } from "../../core/remote-css.mjs";
import { MEDIA_EXTENSIONS, type MediaType } from "../../core/library/media-type";
import type { MediaReader } from "./deck-bundle";

const MEDIA_IN_HTML = /(?:https?:\/\/[^\s"'()<>]+)?\/media\/([0-9a-f]{64})\.([a-z]{3,4})/g;
const TYPE_BY_EXTENSION = new Map(Object.entries(MEDIA_EXTENSIONS).map(([type, extension]) => [extension, type as MediaType]));
/** Everything but script-src, which lists the hashes of the export's own scripts. */
const CSP_REST = "style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; base-uri 'none'; form-action 'none'";

/**
 * The Content-Security-Policy allowing exactly these inline scripts (by their exact text) and
 * nothing else; `wasm` adds 'wasm-unsafe-eval' (compiling WebAssembly, not eval) for graphviz.
 */
export function exportCsp(scripts: readonly string[], wasm = false): string {
  const hashes = [...new Set(scripts.map((script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`))];
  return `default-src 'none'; script-src ${hashes.join(" ")}${wasm ? " 'wasm-unsafe-eval'" : ""}; ${CSP_REST}`;
}

/** HedgeDoc's holder class of each diagram kind (core/render/diagram-fence.ts) → its drawer bundle in public/vendor/diagrams/. */
const DIAGRAM_BUNDLES: readonly (readonly [string, string])[] = [
  ["mermaid", "mermaid"],
  ["graphviz", "graphviz"],
  ["sequence-diagram", "sequence"],
  ["flow-chart", "flow"],
  ["abc", "abc"],
];

/** The diagram kinds the slides hold, so that the export inlines only their libraries. */
function diagramKinds(slides: string): string[] {
  return DIAGRAM_BUNDLES.filter(([holder]) => slides.includes(`class="${holder} raw"`)).map(([, kind]) => kind);
}

export class HtmlExporter {
  private renderer: DeckRenderer | null = null;
  private assets = new Map<string, string>();

  constructor(private readonly modulesDir: string) {}

  async export(markdown: string, title: string, media: MediaReader): Promise<string> {
    const deck = this.deckRenderer().render(markdown, "slides"); // any note exports as slides, as HedgeDoc presents it
    let slides = deckToRevealHtml(deck);
    slides = await inlineMedia(slides, media);
    const hasMath = slides.includes('class="katex');
    const options = { ...deck.revealOptions, hash: true, plugins: undefined, dependencies: undefined };
    const styles = [
      this.css("reveal.js/dist/reset.css"),
      this.css("reveal.js/dist/reveal.css"),
      this.css(`reveal.js/dist/theme/${deck.theme}.css`),
      this.css("reveal.js/dist/plugin/highlight/monokai.css"),
      hasMath ? this.katexCss() : "",
      this.css("../public/hedgedoc-look.css"), // HedgeDoc's slide look; html[data-look] opts out
      this.css("../public/hedgedoc-extras.css"),
    ];
    const scripts = this.exportScripts(options, slides);
    // The speaker view (notes plugin) is written into a window that inherits this policy.
    const allowed = [...scripts, ...this.speakerViewScripts()];
    return `<!doctype html>
<html lang="${escapeHtml(deck.lang ?? "")}" dir="${deck.dir}" data-theme="${deck.theme}" data-look="${deck.revealOptions.podiumLook === "reveal" ? "reveal" : "hedgedoc"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${exportCsp(allowed, diagramKinds(slides).includes("graphviz"))}">
<meta name="generator" content="Podium">
<title>${escapeHtml(title || "Deck")}</title>
${styles.filter(Boolean).map((css) => `<style>${inlineSafe(css, "style")}</style>`).join("\n")}
</head>
<body>
<div class="reveal">${slides}</div>
${scripts.map((script) => `<script>${script}</script>`).join("\n")}
</body>
</html>
`;
  }

  /**
   * THE list of the export's inline scripts, in order, as they appear in the file (made inline-safe
   * here): the page's CSP allows these and nothing else. A feature that needs a script of its own
   * (a diagram renderer, say) adds it here, and only here.
   */
  private exportScripts(options: object, slides: string): string[] {
    return [
      this.file("reveal.js/dist/reveal.js"),
      this.file("reveal.js/dist/plugin/notes.js"),
      `Reveal.initialize(Object.assign(${JSON.stringify(options)}, { plugins: [RevealNotes] }));`,
      // The libraries of the deck's diagram kinds, then the diagram drawing, only for decks with diagrams.
      ...this.diagramScripts(slides),
    ].map((script) => inlineSafe(script, "script"));
  }

  private diagramScripts(slides: string): string[] {
    const kinds = diagramKinds(slides);
    if (kinds.length === 0) return [];
    return [...kinds.map((kind) => `../public/vendor/diagrams/${kind}.js`), "../public/vendor/diagrams/export.js"].map((file) => this.file(file));
  }

  /** The inline scripts of the speaker view the notes plugin writes into its window (its template's <script>s). */
  private speakerViewScripts(): string[] {
    const key = "notes:speaker-scripts";
    let cached = this.assets.get(key);
    if (cached === undefined) {
      const source = this.file("reveal.js/dist/plugin/notes.js");
      const scripts: string[] = [];
      for (const match of source.matchAll(/<script>([\s\S]*?)<\/script>/g)) scripts.push(unescapeTemplateLiteral(match[1]!));
      cached = JSON.stringify(scripts);
      this.assets.set(key, cached);
    }
    return JSON.parse(cached) as string[];
  }

  private deckRenderer(): DeckRenderer {
    this.renderer ??= createDeckRenderer({ sanitizer: createHtmlSanitizer(new JSDOM("").window as unknown as Window & typeof globalThis), cacheSize: 200 });
    return this.renderer;
  }

  private file(relative: string): string {
    let text = this.assets.get(relative);
    if (text === undefined) {
      text = readFileSync(path.join(this.modulesDir, relative), "utf8");
      this.assets.set(relative, text);
    }
    return text;
  }

  private css(relative: string): string {
    return stripRemoteImports(this.file(relative), relative);
  }

  /** KaTeX's CSS with its woff2 fonts as data: URIs (the older formats dropped: every browser reads woff2). */
  private katexCss(): string {
    const key = "katex:inlined";
    const cached = this.assets.get(key);
    if (cached !== undefined) return cached;
    const fonts = path.join(this.modulesDir, "katex/dist/fonts");
    const css = this.css("katex/dist/katex.min.css")
      .replace(/,\s*url\(fonts\/[^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, "")
      .replace(/url\(fonts\/([^)]+\.woff2)\)/g, (_whole, name: string) => {
        return `url(data:font/woff2;base64,${readFileSync(path.join(fonts, name)).toString("base64")})`;
      });
    this.assets.set(key, css);
    return css;
  }
}

/** Replaces links to stored media with data: URIs; missing media keep their link. */
async function inlineMedia(html: string, media: MediaReader): Promise<string> {
  const wanted = new Map<string, string>();
  for (const match of html.matchAll(MEDIA_IN_HTML)) wanted.set(match[1]!, match[2]!);
  const dataUris = new Map<string, string>();
  for (const [id, extension] of wanted) {
    const type = TYPE_BY_EXTENSION.get(extension);
    const bytes = type ? await media.read(id) : null;
    if (type && bytes) dataUris.set(id, `data:${type};base64,${Buffer.from(bytes).toString("base64")}`);
  }
  return html.replace(MEDIA_IN_HTML, (whole, id: string) => dataUris.get(id) ?? whole);
}

/** The text a template literal's source stands for (the notes plugin's speaker view is one, without `${`). */
function unescapeTemplateLiteral(source: string): string {
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
  return source.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_whole, escape: string) => {
    if (escape.startsWith("u{")) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1 && (escape[0] === "u" || escape[0] === "x")) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === "\n" || escape === "\r\n" || escape === "\r") return ""; // a line continuation
    return simple[escape] ?? escape;
  });
}

/** Inline <script> and <style> end at the first "</script" / "</style", wherever it appears. */
function inlineSafe(text: string, tag: "script" | "style"): string {
  return text.replace(new RegExp(`</(${tag})`, "gi"), "<\\/$1");
}
