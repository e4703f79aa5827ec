// The script of the sandboxed deck frame (public/deck-frame.html), bundled with reveal.js into
// public/vendor/deck-frame.js by scripts/build-vendor-assets.mjs. It runs in an opaque origin
// (sandbox="allow-scripts", no allow-same-origin): it receives sanitized slides from the app page
// that opened or embeds it, shows them with reveal.js, and reports positions and clicks back. It
// never fetches anything and has no cookie, storage or API to reach.
import Reveal from "reveal.js";
import type { RevealConfig } from "reveal.js";
import {
  parseAppToFrameMessage,
  type AppToFrameMessage,
  type FrameMode,
  type FrameToAppMessage,
  type SectionChange,
  type SlideIndices,
} from "../../../core/deck-frame-protocol";

type RevealApi = InstanceType<typeof Reveal>;
type RenderMessage = Extract<AppToFrameMessage, { type: "render" }>;

// The app's origin is the origin of this document's URL (the sandbox makes our own origin opaque).
const appOrigin = new URL(location.href).origin;
// Embedded: the app page is our parent. Opened as its own window (print): the page that opened it.
const controller: Window | null = window.parent !== window ? window.parent : (window.opener as Window | null);

const revealElement = document.querySelector<HTMLElement>(".reveal")!;
const slidesElement = revealElement.querySelector<HTMLElement>(".slides")!;
const notesElement = document.querySelector<HTMLElement>(".notes-view")!;
const themeLink = document.getElementById("deck-theme") as HTMLLinkElement;

/** Tells this load of the frame from an earlier one (see the "ready" message). */
const LOAD_ID = Math.random().toString(36).slice(2);
let deck: RevealApi | null = null;
/** The HTML of each horizontal section as last applied, to tell a content edit from a structural one. */
let appliedSections: string[] = [];
let starting: Promise<void> | null = null;
let mode: FrameMode = "preview";
let lastOptionsKey = "";
/** Messages that arrived while reveal.js was starting, applied in order once it has. */
const pending: AppToFrameMessage[] = [];

function post(message: FrameToAppMessage): void {
  controller?.postMessage(message, appOrigin);
}

/** Options every mode forces: the app owns the URL and the history, and plugins never load. */
function revealConfig(message: RenderMessage): RevealConfig {
  const config: Record<string, unknown> = {
    ...message.options,
    hash: false,
    history: false,
    respondToHashChanges: false,
    postMessage: false,
    postMessageEvents: false,
    previewLinks: false,
    plugins: [],
    dependencies: [],
    // reveal.js switches narrow viewports (< 435 px: the speaker view's thumbnails, a narrow
    // preview, a phone following the presenter) to its scroll view, where show/navigate and the
    // slide positions mean something else. Decks here are always paged, as in HedgeDoc.
    scrollActivationWidth: 0,
  };
  if (message.mode === "thumbnail") {
    Object.assign(config, { controls: false, progress: false, slideNumber: false, keyboard: false, touch: false, overview: false, help: false, transition: "none", backgroundTransition: "none" });
  }
  if (message.mode === "preview") Object.assign(config, { help: false });
  if (message.mode === "print") config.view = "print";
  return config as RevealConfig;
}

function applyTheme(message: RenderMessage): void {
  const href = `/vendor/reveal/theme/${message.theme}.css`;
  if (themeLink.getAttribute("href") !== href) themeLink.setAttribute("href", href);
  document.documentElement.lang = message.lang ?? "";
  document.documentElement.dir = message.dir;
  document.documentElement.dataset.mode = message.mode;
}

function reportPosition(): void {
  if (!deck) return;
  const { h, v, f } = deck.getIndices();
  const position: SlideIndices = typeof f === "number" ? { h, v, f } : { h, v };
  post({ type: "slide-changed", position, total: deck.getTotalSlides(), overview: deck.isOverview() });
}

function show(position: SlideIndices | null): void {
  if (!deck || !position) return;
  const current = deck.getIndices();
  const f = position.f ?? -1;
  if (current.h === position.h && current.v === position.v && (current.f ?? -1) === f) return;
  deck.slide(position.h, position.v, f);
}

async function render(message: RenderMessage): Promise<void> {
  mode = message.mode;
  applyTheme(message);
  const config = revealConfig(message);
  const optionsKey = JSON.stringify(config);
  appliedSections = [...message.sections];
  if (!deck) {
    slidesElement.innerHTML = message.sections.join("");
    const instance = new Reveal(revealElement, config);
    await instance.initialize();
    deck = instance;
    lastOptionsKey = optionsKey;
    for (const event of ["slidechanged", "fragmentshown", "fragmenthidden", "overviewshown", "overviewhidden"]) {
      instance.on(event, reportPosition);
    }
    show(message.position);
    reportPosition();
    return;
  }
  const position = message.position ?? positionOf(deck);
  slidesElement.innerHTML = message.sections.join("");
  if (optionsKey !== lastOptionsKey) {
    deck.configure(config);
    lastOptionsKey = optionsKey;
  }
  deck.sync();
  deck.slide(position.h, position.v, position.f ?? -1);
  reportPosition();
}

function positionOf(instance: RevealApi): SlideIndices {
  const { h, v, f } = instance.getIndices();
  return { h, v, f: f ?? -1 };
}

/**
 * Applies changed horizontal sections. The common case — someone typing inside one slide — keeps
 * the section elements and only swaps the changed slides' content, then syncs just those slides:
 * a full Reveal.sync() rebuilds every slide's background and fragments, which on a 100-slide deck
 * costs more than a keystroke may. Anything structural (slides, stacks or slide attributes added,
 * removed or changed) falls back to replacing the section and a full sync.
 */
function patch(changes: SectionChange[], count: number): void {
  if (!deck) return;
  const position = positionOf(deck);
  const sections = () => Array.from(slidesElement.children).filter((child) => child.tagName === "SECTION");
  let structural = count !== appliedSections.length;
  const changedSlides: HTMLElement[] = [];
  for (const change of changes) {
    const replacement = parseSection(change.html);
    if (!replacement) continue;
    const existing = sections()[change.index] as HTMLElement | undefined;
    const previous = appliedSections[change.index];
    const inPlace = existing && previous !== undefined ? patchSlidesInPlace(existing, parseSection(previous), replacement) : null;
    if (inPlace) changedSlides.push(...inPlace);
    else {
      structural = true;
      if (existing) existing.replaceWith(replacement);
      else slidesElement.appendChild(replacement);
    }
    appliedSections[change.index] = change.html;
  }
  for (const extra of sections().slice(count)) extra.remove();
  appliedSections.length = count;
  if (structural) {
    deck.sync();
    deck.slide(position.h, position.v, position.f);
    return;
  }
  for (const slide of changedSlides) deck.syncSlide(slide);
  // Slides off screen are laid out when reveal.js navigates to them; only the one on screen needs
  // centring again now (reveal's layout and slide() each walk every slide: ~5 ms on 100 slides).
  const current = deck.getCurrentSlide();
  if (!current || !changedSlides.includes(current)) return;
  deck.layout();
  // syncSlide resets the slide's fragments: show again those that were shown.
  if (current.querySelector(".fragment")) deck.slide(position.h, position.v, position.f);
}

function parseSection(html: string): HTMLElement | null {
  const template = document.createElement("template");
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  return element instanceof HTMLElement && element.tagName === "SECTION" ? element : null;
}

/** The slides (leaf sections) of a horizontal section: itself, or the sections of its stack. */
function slidesOf(section: Element): Element[] {
  const stack = Array.from(section.children).filter((child) => child.tagName === "SECTION");
  return stack.length > 0 ? stack : [section];
}

function sameAttributes(a: Element, b: Element): boolean {
  if (a.attributes.length !== b.attributes.length) return false;
  return Array.from(a.attributes).every((attribute) => b.getAttribute(attribute.name) === attribute.value);
}

/**
 * Copies the content of changed slides into the live section when the shape is unchanged (same
 * stack, same slide attributes, compared on the HTML last applied, not on the live DOM that
 * reveal.js decorates). Returns the live slides that changed, or null when the shape changed.
 */
function patchSlidesInPlace(live: HTMLElement, before: HTMLElement | null, after: HTMLElement): HTMLElement[] | null {
  if (!before || !sameAttributes(before, after)) return null;
  const beforeSlides = slidesOf(before);
  const afterSlides = slidesOf(after);
  const liveSlides = slidesOf(live);
  const isStack = beforeSlides[0] !== before;
  if (isStack !== (afterSlides[0] !== after) || beforeSlides.length !== afterSlides.length || liveSlides.length !== afterSlides.length) return null;
  if (afterSlides.some((slide, index) => !sameAttributes(beforeSlides[index]!, slide))) return null;
  const changed: HTMLElement[] = [];
  afterSlides.forEach((slide, index) => {
    if (slide.innerHTML === beforeSlides[index]!.innerHTML) return;
    const target = liveSlides[index] as HTMLElement;
    target.innerHTML = slide.innerHTML;
    changed.push(target);
  });
  return changed;
}

function showNotes(html: string): void {
  document.documentElement.dataset.mode = "notes";
  revealElement.hidden = true;
  notesElement.hidden = false;
  notesElement.innerHTML = html;
}

async function handle(message: AppToFrameMessage): Promise<void> {
  switch (message.type) {
    case "render":
      await render(message);
      post({ type: "rendered", revision: message.revision, appliedAt: performance.timeOrigin + performance.now() });
      return;
    case "patch":
      patch(message.changes, message.count);
      post({ type: "rendered", revision: message.revision, appliedAt: performance.timeOrigin + performance.now() });
      return;
    case "show":
      show(message.position);
      return;
    case "hello":
      post({ type: "ready", load: LOAD_ID });
      return;
    case "navigate":
      if (message.direction === "next") deck?.next();
      else deck?.prev();
      return;
    case "notes":
      showNotes(message.html);
      return;
  }
}

async function drain(): Promise<void> {
  while (pending.length > 0) await handle(pending.shift()!);
}

window.addEventListener("message", (event) => {
  if (event.source !== controller || event.origin !== appOrigin) return;
  const message = parseAppToFrameMessage(event.data);
  if (!message) return;
  pending.push(message);
  if (starting) return;
  starting = drain()
    .catch((error: unknown) => console.error("The deck frame could not show the deck", error))
    .finally(() => {
      starting = null;
    });
});

// Links never navigate this frame: in-deck links (#/2) are reveal.js's, others open in a new tab
// through the app, which checks them again. A click elsewhere on a slide selects it (preview).
slidesElement.addEventListener("click", (event) => {
  const link = (event.target as Element).closest?.("a[href]");
  if (link) {
    const href = link.getAttribute("href") ?? "";
    if (href.startsWith("#")) return;
    event.preventDefault();
    const url = new URL(href, "https://invalid.invalid/");
    if (url.protocol === "https:" || url.protocol === "http:") {
      if (url.host !== "invalid.invalid") post({ type: "open-link", url: url.href });
    }
    return;
  }
  if (mode === "preview" && deck && !deck.isOverview()) {
    const { h, v } = deck.getIndices();
    post({ type: "clicked", position: { h, v } });
  }
});

// reveal.js's own speaker view opens a pop-up from inside the deck, which the sandbox forbids: the
// app opens ours instead.
document.addEventListener("keydown", (event) => {
  if (mode !== "slideshow" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "s" || event.key === "S") post({ type: "key", key: "s" });
});

post({ type: "ready", load: LOAD_ID });
