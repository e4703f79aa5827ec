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
import { installFrameKeys, runDeckCommand } from "./frame-keys";
import { drawDiagrams } from "./diagrams";
import { morphContent } from "./morph";

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
  if (themeLink.getAttribute("href") !== href) {
    themeLink.setAttribute("href", href);
    // reveal.js centres slides by measuring them: measure again once the theme's sizes apply.
    themeLink.addEventListener("load", () => deck?.layout(), { once: true });
  }
  document.documentElement.lang = message.lang ?? "";
  document.documentElement.dir = message.dir;
  document.documentElement.dataset.mode = message.mode;
  // HedgeDoc's slide look (public/hedgedoc-look.css) unless the deck asks for reveal.js's own.
  document.documentElement.dataset.look = message.options.podiumLook === "reveal" ? "reveal" : "hedgedoc";
  document.documentElement.dataset.theme = message.theme;
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
    drawDiagrams(slidesElement, () => deck?.layout());
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
  drawDiagrams(slidesElement, () => deck?.layout());
}

function positionOf(instance: RevealApi): SlideIndices {
  const { h, v, f } = instance.getIndices();
  return { h, v, f: f ?? -1 };
}

/**
 * Applies changed horizontal sections. The common case — someone typing inside one slide — comes
 * as the new content of that slide alone (the app checked that the stack and the slide attributes
 * stay): it changes only the nodes that differ (morphContent) and refreshes only what depends on
 * the content (syncContent). A full Reveal.sync() rebuilds every slide's background and fragments,
 * which on a 100-slide deck costs more than a keystroke may: anything structural (sections
 * replaced, added or removed) falls back to it.
 */
function patch(changes: SectionChange[], count: number): void {
  if (!deck) return;
  const position = positionOf(deck);
  // Queried again only after a section was replaced: collecting 2,800 sections into an array costs
  // more than the rest of a keystroke's patch.
  let sections = horizontalSections();
  let structural = false;
  let restyled = false;
  const changedSlides: HTMLElement[] = [];
  for (const change of changes) {
    const existing = sections[change.index] as HTMLElement | undefined;
    if (change.slide !== undefined) {
      const slide = existing ? (slidesOf(existing)[change.slide] as HTMLElement | undefined) : undefined;
      if (!slide) continue; // the app only sends content for slides it knows we show
      morphContent(slide, change.html);
      changedSlides.push(slide);
      // A deck's <style> may move any slide on screen, not only this one.
      restyled ||= change.html.includes("<style");
      continue;
    }
    const replacement = parseSection(change.html);
    if (!replacement) continue;
    structural = true;
    if (existing) existing.replaceWith(replacement);
    else slidesElement.appendChild(replacement);
    sections = horizontalSections();
  }
  if (sections.length !== count) structural = true;
  for (let extra = count; extra < sections.length; extra++) sections[extra]!.remove();
  // Only the changed slides can hold new diagrams (a query of a 3,500-slide deck costs a keystroke).
  for (const root of structural ? [slidesElement] : changedSlides) drawDiagrams(root, () => deck?.layout());
  if (structural) {
    deck.sync();
    deck.slide(position.h, position.v, position.f);
    return;
  }
  for (const slide of changedSlides) syncContent(deck, slide);
  // Slides off screen are laid out when reveal.js navigates to them; only the one on screen needs
  // centring again now (reveal's layout and slide() each walk every slide: ~5 ms on 100 slides).
  const current = deck.getCurrentSlide();
  if (!current || !(restyled || changedSlides.includes(current))) return;
  if (restyled) deck.layout();
  else relayoutSlide(deck, current);
  // New content has its fragments hidden: show again those that were shown.
  if (current.querySelector(".fragment")) deck.slide(position.h, position.v, position.f);
}

/**
 * Reveal's layout() for a slide whose content alone changed: only its vertical centring depends on
 * the content. layout() itself re-measures the viewport, re-counts every slide for the progress
 * bar and re-centres every visible slide. Stretched elements, overview, print and scroll views
 * still take reveal's own.
 */
function relayoutSlide(instance: RevealApi, slide: HTMLElement): void {
  const config = instance.getConfig();
  if (config.disableLayout) return;
  if (config.view || instance.isOverview() || slide.querySelector(":scope > .stretch, :scope > .r-stretch")) {
    instance.layout();
    return;
  }
  // As reveal.js does: a stack's own top stays 0, an uncentred slide has none.
  if (!(config.center || slide.classList.contains("center")) || slide.classList.contains("stack")) return;
  const { height } = instance.getComputedSlideSize();
  slide.style.top = `${Math.max((height - slide.scrollHeight) / 2, 0)}px`;
}

/**
 * What a slide needs from reveal.js after its content (not its attributes) changed: fragments
 * numbered, lazy media loaded, r-fit-text sized. Reveal's syncSlide() does this too but also
 * rebuilds the slide's background and re-classes every slide's background, which restyles the
 * whole deck; a background depends only on the slide's attributes, which did not change. With
 * speaker notes on screen (showNotes), syncSlide() also refreshes them.
 */
function syncContent(instance: RevealApi, slide: HTMLElement): void {
  if (instance.getConfig().showNotes) {
    instance.syncSlide(slide);
    return;
  }
  if (slide.querySelector(".fragment")) instance.syncFragments(slide);
  // Slides hidden beyond the view distance are loaded when reveal.js shows them.
  if (slide.style.display !== "none" && slide.querySelector("[data-src], .r-fit-text")) instance.loadSlide(slide);
}

/** The horizontal sections: the <section> children of reveal.js's .slides. */
function horizontalSections(): NodeListOf<HTMLElement> {
  return slidesElement.querySelectorAll<HTMLElement>(":scope > section");
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
    case "connect":
      return; // handled as it arrives
    case "navigate":
      if (message.direction === "next") deck?.next();
      else deck?.prev();
      return;
    case "command":
      runDeckCommand(deck, message.command);
      return;
    case "notes":
      showNotes(message.html);
      return;
  }
}

async function drain(): Promise<void> {
  while (pending.length > 0) await handle(pending.shift()!);
}

/** The port the app sends through, handed to us with "connect" (see core/deck-frame-protocol). */
let port: MessagePort | null = null;

window.addEventListener("message", (event) => {
  if (event.source !== controller || event.origin !== appOrigin) return;
  const message = parseAppToFrameMessage(event.data);
  if (message?.type === "connect") {
    // Only the app's window can hand us a port; whatever arrives on it is the app's.
    const next = event.ports[0];
    if (!next) return;
    port?.close();
    port = next;
    port.onmessage = (portEvent: MessageEvent) => receive(parseAppToFrameMessage(portEvent.data));
    return;
  }
  receive(message);
});

function receive(message: AppToFrameMessage | null): void {
  if (!message) return;
  pending.push(message);
  if (starting) return;
  starting = drain()
    .catch((error: unknown) => console.error("The deck frame could not show the deck", error))
    .finally(() => {
      starting = null;
    });
}

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

// Web fonts (the themes', KaTeX's) load when first used, after reveal.js measured the slides to
// centre them: measure again.
document.fonts.addEventListener("loadingdone", () => deck?.layout());

installFrameKeys(() => mode, post);

post({ type: "ready", load: LOAD_ID });
