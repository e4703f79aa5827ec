// markdown → deck, as HedgeDoc 1.x renders slide mode. Documents whose frontmatter says
// `type: slide` are split into slides (slide-splitter), each slide's speaker notes are split off
// (speaker-notes), and every slide and note is rendered and sanitized on its own. A deck
// renderer remembers rendered slides by their source text, so a keystroke re-renders only the
// slide being edited, and of it only the content or the notes, however many slides the deck has
// (render-cache); the frontmatter is cached by its text as well.
import { findFrontmatter, frontmatterSettledFrom, parseFrontmatter, type FrontmatterBlock, type FrontmatterWarning } from "../frontmatter";
import type { HtmlSanitizer } from "./html-sanitizer";
import { escapeHtml } from "./html-escape";
import { LruCache } from "./lru-cache";
import { RenderCache } from "./render-cache";
import { getMarkdownIt, markdownOptionsKey, type MarkdownOptions } from "./markdown-renderer";
import { MAX_MATH_PER_DOCUMENT, MAX_RENDER_CHARS, MAX_SLIDE_CHARS, SLIDE_CACHE_ENTRIES } from "./render-limits";
import { validateSlideOptions, type RevealOptions, type RevealTheme } from "./slide-options";
import { deckBody, splitSpeakerNotes, type SplitDeck } from "../markdown/deck-scanner";
import { createIncrementalSplitter, type SlideEdit } from "./incremental-split";
import { safeRevealAttributeValue } from "./reveal-attributes";
import { FRAME_IDS } from "./reveal-html";
import { stripSlideIndentation } from "./slide-indentation";
import type { AttributeCommentEnv } from "./element-attributes";

export type RenderWarning = FrontmatterWarning;

export interface RenderedSlide {
  /** Sanitized HTML of the slide's content (without its notes). */
  html: string;
  /** Sanitized HTML of the speaker notes; "" when there are none. */
  notesHtml: string;
  /** Attributes for the slide's <section>: `class`, `id` (unique in the deck), `style`, `data-*`, values checked. */
  attributes: Record<string, string>;
  /** 1-based source lines in the whole document. */
  startLine: number;
  endLine: number;
}

export interface HorizontalSlide {
  /** One entry for a plain slide, several for a vertical stack. */
  verticals: RenderedSlide[];
}

/**
 * How to show a note. HedgeDoc presents any note as slides (`/p/…`, "Slide mode"): the slideshow,
 * speaker view, print and export ask for "slides". The editor's preview asks for "auto", which
 * follows the frontmatter (`type: slide` or `slideOptions`), or for what the person switched to.
 */
export type DeckView = "auto" | "slides" | "document";

export interface RenderedDeck {
  kind: "slides" | "document";
  /** The frontmatter asks for slides (`type: slide` or `slideOptions`): what "auto" shows. */
  declaredSlides: boolean;
  /** The frontmatter's data ({} without frontmatter or when it was rejected). */
  frontmatter: Record<string, unknown>;
  warnings: RenderWarning[];
  /** Validated reveal.js options, HedgeDoc's defaults included. */
  revealOptions: RevealOptions;
  theme: RevealTheme;
  /** Frontmatter `lang`, when it looks like a language tag. */
  lang: string | null;
  /** Frontmatter `dir`. */
  dir: "ltr" | "rtl";
  /** Slides for kind "slides"; [] for documents. */
  slides: HorizontalSlide[];
  /** Sanitized HTML of the whole document for kind "document"; "" for slides. */
  html: string;
}

export interface DeckRendererOptions {
  sanitizer: HtmlSanitizer;
  /** Rendered slides kept for reuse beyond those of the last render (default SLIDE_CACHE_ENTRIES). */
  cacheSize?: number;
}

/** A change to a text: [from, to) of the text before it replaced by `insert` (a Yjs delta's step). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

export interface DeckRenderer {
  render(markdown: string, view?: DeckView): RenderedDeck;
  /**
   * The markdown of the last render with `edits` applied in order, rendered as `render` would. An
   * edit within one ordinary line of a slide re-renders that slide without reading the rest of
   * the deck; anything else renders `markdown()` (the text after the edits) in full.
   */
  renderEdits(edits: readonly TextEdit[], markdown: () => string, view?: DeckView): RenderedDeck;
  /**
   * renderEdits when the edits allow it without the whole text; else null, and the next render
   * must be `render` of the whole text (the renderer no longer knows the last text).
   */
  tryRenderEdits(edits: readonly TextEdit[], view?: DeckView): RenderedDeck | null;
  /** Forgets cached slides and frontmatter. */
  clear(): void;
}

interface RenderedSlideBody {
  html: string;
  notesHtml: string;
  attributes: Record<string, string>;
}

interface FrontmatterInfo {
  data: Record<string, unknown>;
  warnings: RenderWarning[];
  revealOptions: RevealOptions;
  theme: RevealTheme;
  lang: string | null;
  dir: "ltr" | "rtl";
  markdown: MarkdownOptions;
  isSlides: boolean;
}

const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

type DeckBase = Omit<RenderedDeck, "kind" | "slides" | "html">;

function deckBase(info: FrontmatterInfo, warnings: RenderWarning[]): DeckBase {
  return {
    declaredSlides: info.isSlides,
    frontmatter: info.data,
    warnings,
    revealOptions: { ...info.revealOptions },
    theme: info.theme,
    lang: info.lang,
    dir: info.dir,
  };
}

/** What an edit of the last rendered slide deck needs to render it again without its whole text. */
interface LastSlidesRender {
  view: DeckView;
  deck: RenderedDeck;
  info: FrontmatterInfo;
  /** The document's length. */
  length: number;
  /** Where the body starts in the document, and its 1-based line. */
  bodyStart: number;
  firstLine: number;
  /** Edits from here on, within non-blank lines, leave the frontmatter and the body's start alone. */
  settledFrom: number;
}

export function createDeckRenderer(options: DeckRendererOptions): DeckRenderer {
  const { sanitizer } = options;
  const slideCache = new RenderCache<RenderedSlideBody>(options.cacheSize ?? SLIDE_CACHE_ENTRIES);
  // A slide's content and its notes, each by its own text: typing in one keeps the other's HTML.
  const partCache = new RenderCache<{ html: string; attributes: Record<string, string> }>(options.cacheSize ?? SLIDE_CACHE_ENTRIES);
  const frontmatterCache = new LruCache<string, FrontmatterInfo>(8);
  let lastDocument: { key: string; html: string } | null = null;
  let splitter = createIncrementalSplitter();
  let last: LastSlidesRender | null = null;

  function frontmatterInfo(block: FrontmatterBlock | null): FrontmatterInfo {
    const key = block ? block.yaml : "\u0000none";
    const cached = frontmatterCache.get(key);
    if (cached) return cached;
    const parsed = block ? parseFrontmatter(block) : { data: {}, warnings: [] };
    const data = parsed.data;
    const warnings = [...parsed.warnings];
    const slideOptions = validateSlideOptions(data.slideOptions, block);
    warnings.push(...slideOptions.warnings);
    const dir = data.dir === "rtl" ? "rtl" : "ltr";
    if (dir === "rtl" && slideOptions.revealOptions.rtl === undefined) slideOptions.revealOptions.rtl = true;
    const info: FrontmatterInfo = {
      data,
      warnings,
      revealOptions: slideOptions.revealOptions,
      theme: slideOptions.theme,
      lang: typeof data.lang === "string" && LANG.test(data.lang) ? data.lang : null,
      dir,
      // HedgeDoc: `breaks: false` turns single-newline breaks off; anything else keeps them on.
      markdown: { breaks: data.breaks !== false },
      isSlides: data.type === "slide" || Object.prototype.hasOwnProperty.call(data, "slideOptions"),
    };
    frontmatterCache.set(key, info);
    return info;
  }

  function renderMarkdown(markdown: string, markdownOptions: MarkdownOptions, env: AttributeCommentEnv): string {
    try {
      return sanitizer.sanitize(getMarkdownIt(markdownOptions).render(markdown, env));
    } catch {
      return `<pre>${escapeHtml(markdown)}</pre>`;
    }
  }

  // Slides are cached by their text alone, for the markdown options of the last render: the texts
  // of unchanged slides are the very strings of the last split, whose hashes V8 keeps, so looking
  // up 3,500 slides costs no pass over the deck's 2 MB.
  let slideOptionsKey = "";
  function renderSlide(text: string, markdownOptions: MarkdownOptions): RenderedSlideBody {
    const optionsKey = markdownOptionsKey(markdownOptions);
    if (optionsKey !== slideOptionsKey) {
      slideCache.clear();
      slideOptionsKey = optionsKey;
    }
    const key = text;
    const cached = slideCache.get(key);
    if (cached) return cached;
    if (text.length > MAX_SLIDE_CHARS) {
      const body = { html: `<pre class="slide-too-long">${escapeHtml(text.slice(0, MAX_SLIDE_CHARS))}</pre>`, notesHtml: "", attributes: {} };
      slideCache.set(key, body);
      return body;
    }
    const { content, notes } = splitSpeakerNotes(stripSlideIndentation(text));
    const rendered = renderPart(content, markdownOptions, "content");
    const notesHtml = notes ? renderPart(notes, markdownOptions, "notes").html : "";
    const body: RenderedSlideBody = { html: rendered.html, notesHtml, attributes: rendered.attributes };
    slideCache.set(key, body);
    return body;
  }

  function renderPart(markdown: string, markdownOptions: MarkdownOptions, part: "content" | "notes") {
    const key = partKey(markdown, markdownOptions, part);
    const cached = partCache.get(key);
    if (cached) return cached;
    // Notes take no attribute comments: they would style a slide they are not part of.
    const env: AttributeCommentEnv = part === "notes" ? { attributeComments: false } : {};
    const html = renderMarkdown(markdown, markdownOptions, env);
    const rendered = { html, attributes: safeSlideAttributes(env.slideAttributes ?? {}, sanitizer) };
    partCache.set(key, rendered);
    return rendered;
  }

  function render(input: string, view: DeckView = "auto"): RenderedDeck {
    last = null; // until this render has finished
    const warnings: RenderWarning[] = [];
    let markdown = input;
    if (markdown.length > MAX_RENDER_CHARS) {
      warnings.push({ line: 1, message: `The document is longer than ${MAX_RENDER_CHARS} characters; only the beginning is shown.` });
      markdown = markdown.slice(0, MAX_RENDER_CHARS);
    }
    const block = findFrontmatter(markdown);
    const info = frontmatterInfo(block);
    warnings.unshift(...info.warnings);
    const base = deckBase(info, warnings);
    const { body, firstLine } = deckBody(markdown, block);

    if (view === "document" || (view === "auto" && !info.isSlides)) {
      const key = `${markdownOptionsKey(info.markdown)}\u0000${body}`;
      if (lastDocument?.key !== key) lastDocument = { key, html: renderMarkdown(body, info.markdown, { attributeComments: false, mathBudget: MAX_MATH_PER_DOCUMENT }) };
      return { ...base, kind: "document", slides: [], html: lastDocument.html };
    }

    const split = splitter.split(body, firstLine);
    const deck = slidesDeck(base, split, firstLine, info);
    if (markdown === input) {
      const bodyStart = markdown.length - body.length;
      last = { view, deck, info, length: markdown.length, bodyStart, firstLine, settledFrom: Math.max(bodyStart, frontmatterSettledFrom(markdown, block)) };
    }
    return deck;
  }


  /** Every slide of a split, each rendered again only if its text is new. */
  function slidesDeck(base: DeckBase, split: SplitDeck, firstLine: number, info: FrontmatterInfo): RenderedDeck {
    const { warnings } = base;
    if (split.truncated) {
      warnings.push({ line: firstLine, message: "The deck has too many slides; the last ones were merged into one." });
    }
    const slides: HorizontalSlide[] = split.horizontals.map((stack) => ({
      verticals: stack.map((source) => {
        if (source.text.length > MAX_SLIDE_CHARS) {
          warnings.push({ line: source.startLine, message: `This slide is longer than ${MAX_SLIDE_CHARS} characters; it is shown as plain text.` });
        }
        const rendered = renderSlide(source.text, info.markdown);
        return {
          html: rendered.html,
          notesHtml: rendered.notesHtml,
          attributes: { ...rendered.attributes },
          startLine: source.startLine,
          endLine: source.endLine,
        };
      }),
    }));
    slideCache.endRender();
    partCache.endRender();
    uniqueSlideIds(slides);
    return { ...base, kind: "slides", slides, html: "" };
  }

  function renderEdits(edits: readonly TextEdit[], markdown: () => string, view: DeckView = "auto"): RenderedDeck {
    return tryRenderEdits(edits, view) ?? render(markdown(), view);
  }

  function tryRenderEdits(edits: readonly TextEdit[], view: DeckView = "auto"): RenderedDeck | null {
    const previous = last;
    last = null; // until this render has finished
    if (!previous || previous.view !== view) return null;
    let length = previous.length;
    const changed: SlideEdit[] = [];
    for (const edit of edits) {
      length += edit.insert.length - (edit.to - edit.from);
      const slideEdit = edit.from >= previous.settledFrom && length <= MAX_RENDER_CHARS ? splitter.edit(edit.from - previous.bodyStart, edit.to - previous.bodyStart, edit.insert) : null;
      if (!slideEdit) return null;
      changed.push(slideEdit);
    }
    const split = changed.length > 0 ? changed[changed.length - 1]!.split : null;
    const deck = split ? editedDeck(previous, split, changed) : previous.deck;
    last = { ...previous, deck, length };
    return deck;
  }

  /**
   * The last deck with the edited slides rendered again and every other slide as it was. Only
   * when an edited slide has (or had) an id, which may rename later slides', or is too long (a
   * warning), are all slides assembled again, each from the cache.
   */
  function editedDeck(previous: LastSlidesRender, split: SplitDeck, changed: SlideEdit[]): RenderedDeck {
    const { info } = previous;
    const slides = previous.deck.slides.slice();
    const droppedSlides: string[] = [];
    const droppedParts: string[] = [];
    for (const { h, v, before } of changed) {
      const source = split.horizontals[h]![v]!;
      const rendered = source.text.length > MAX_SLIDE_CHARS || before.text.length > MAX_SLIDE_CHARS ? null : renderSlide(source.text, info.markdown);
      if (!rendered || rendered.attributes.id !== undefined || slides[h]!.verticals[v]!.attributes.id !== undefined) {
        return slidesDeck(deckBase(info, [...info.warnings]), split, previous.firstLine, info);
      }
      const verticals = slides[h]!.verticals.slice();
      verticals[v] = { html: rendered.html, notesHtml: rendered.notesHtml, attributes: { ...rendered.attributes }, startLine: source.startLine, endLine: source.endLine };
      slides[h] = { verticals };
      droppedSlides.push(before.text);
      droppedParts.push(...partKeys(before.text, info.markdown));
    }
    // New lines moved the later slides' lines: their HTML stays, their line numbers follow.
    const firstMoved = Math.min(...changed.filter((edit) => edit.lineShift !== 0).map((edit) => edit.h));
    for (let h = Number.isFinite(firstMoved) ? firstMoved : slides.length; h < slides.length; h++) {
      const stack = slides[h]!;
      const sources = split.horizontals[h]!;
      if (stack.verticals.every((slide, v) => slide.startLine === sources[v]!.startLine && slide.endLine === sources[v]!.endLine)) continue;
      slides[h] = { verticals: stack.verticals.map((slide, v) => ({ ...slide, startLine: sources[v]!.startLine, endLine: sources[v]!.endLine })) };
    }
    slideCache.endEdit(droppedSlides);
    partCache.endEdit(droppedParts);
    return { ...deckBase(info, [...previous.deck.warnings]), kind: "slides", slides, html: "" };
  }

  return {
    render,
    renderEdits,
    tryRenderEdits,
    clear() {
      last = null;
      slideCache.clear();
      partCache.clear();
      frontmatterCache.clear();
      lastDocument = null;
      splitter = createIncrementalSplitter();
    },
  };
}

function partKey(markdown: string, markdownOptions: MarkdownOptions, part: "content" | "notes"): string {
  return `${markdownOptionsKey(markdownOptions)}\u0000${part}\u0000${markdown}`;
}

/** The part cache's keys of a slide's content and notes. */
function partKeys(text: string, markdownOptions: MarkdownOptions): string[] {
  const { content, notes } = splitSpeakerNotes(stripSlideIndentation(text));
  return notes ? [partKey(content, markdownOptions, "content"), partKey(notes, markdownOptions, "notes")] : [partKey(content, markdownOptions, "content")];
}

/**
 * Two slides with one id, or a slide with an id of the frame's own, would make reveal.js and the
 * frame find the wrong element: later ones get `-2`, `-3`… (the deck's first keeps its id, so
 * links to it keep working).
 */
function uniqueSlideIds(slides: HorizontalSlide[]): void {
  const used = new Set<string>(FRAME_IDS);
  for (const stack of slides) {
    for (const slide of stack.verticals) {
      const id = slide.attributes.id;
      if (id === undefined) continue;
      let unique = id;
      for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
      used.add(unique);
      slide.attributes.id = unique;
    }
  }
}

/** A slide's <section> attributes never pass the sanitizer as markup: values reveal.js parses are checked here. */
function safeSlideAttributes(attributes: Record<string, string>, sanitizer: HtmlSanitizer): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const checked = safeRevealAttributeValue(name, value, (html) => sanitizer.sanitize(html));
    if (checked !== null) safe[name] = checked;
  }
  return safe;
}

/** Renders once, without keeping a cache. Use createDeckRenderer for live previews. */
export function renderDeck(markdown: string, options: DeckRendererOptions, view: DeckView = "auto"): RenderedDeck {
  return createDeckRenderer({ ...options, cacheSize: options.cacheSize ?? 64 }).render(markdown, view);
}

// The body after the frontmatter: the deck scanner's (the outline reads it too).
export { deckBody };

export interface SlidePosition {
  /** Horizontal index. */
  h: number;
  /** Vertical index within the stack. */
  v: number;
}

/**
 * The slide showing a given 1-based source line: the last slide starting at or before it
 * (lines of the frontmatter and of separators belong to the slide before them). Null for documents.
 */
export function findSlideAtLine(deck: RenderedDeck, line: number): SlidePosition | null {
  if (deck.kind !== "slides" || deck.slides.length === 0) return null;
  let found: SlidePosition = { h: 0, v: 0 };
  for (let h = 0; h < deck.slides.length; h++) {
    const verticals = deck.slides[h]!.verticals;
    for (let v = 0; v < verticals.length; v++) {
      if (verticals[v]!.startLine > line) return found;
      found = { h, v };
    }
  }
  return found;
}

/** The slide at a position, if it exists. */
export function slideAt(deck: RenderedDeck, position: SlidePosition): RenderedSlide | null {
  return deck.slides[position.h]?.verticals[position.v] ?? null;
}
