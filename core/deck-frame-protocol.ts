// Messages between the app and the sandboxed deck frame (public/deck-frame.html). The app renders
// the deck (core/render) and posts sanitized reveal.js sections in; the frame hosts reveal.js and
// reports where the audience is. Both ends import these types and parse every message they
// receive with the functions below, because a message event can come from anywhere.
//
// The frame talks to the app through window.postMessage. The app does so only for the handshake
// ("hello", "connect"): "connect" hands the frame a MessagePort that carries all the app's further
// messages. A port is a direct pipe between the two; a window message to a frame in another
// process is first queued as a task of the sender's and then routed through the browser process,
// which cost the live preview a few milliseconds per keystroke.
import { DECK_COMMANDS, type DeckCommand } from "./presenter-keys";
import { REVEAL_THEMES, type RevealOptions, type RevealOptionValue, type RevealTheme } from "./render/slide-options";

/** What the frame is for: it decides which reveal.js features are on. */
export const FRAME_MODES = ["preview", "slideshow", "thumbnail", "print"] as const;
export type FrameMode = (typeof FRAME_MODES)[number];

export interface SlideIndices {
  h: number;
  v: number;
  /** Fragment index; -1 or absent: no fragment shown yet. */
  f?: number;
}

export interface SectionChange {
  /** Index of the horizontal <section> (a slide or a vertical stack). */
  index: number;
  /**
   * Set when only the content of this slide of the section changed (0 for a plain slide, else its
   * place in the stack): `html` is then the slide's new inner HTML and the section's shape (stack,
   * slide attributes) stays. Absent: `html` is a whole new <section> replacing the old one.
   */
  slide?: number;
  html: string;
}

export type AppToFrameMessage =
  | {
      type: "render";
      /** One sanitized <section> per horizontal slide (core/render deckSectionsHtml). */
      sections: string[];
      options: RevealOptions;
      theme: RevealTheme;
      lang: string | null;
      dir: "ltr" | "rtl";
      mode: FrameMode;
      position: SlideIndices | null;
      revision: number;
    }
  | { type: "patch"; changes: SectionChange[]; count: number; revision: number }
  | { type: "show"; position: SlideIndices }
  /** Asks the frame to say "ready" again: it may have loaded before the app listened. */
  | { type: "hello" }
  /** Carries (in the event's ports) the MessagePort for all further messages, replacing any earlier one. */
  | { type: "connect" }
  | { type: "navigate"; direction: "next" | "prev" }
  /** A presenting key pressed outside the frame (core/presenter-keys.ts), applied as reveal.js would. */
  | { type: "command"; command: DeckCommand }
  | { type: "notes"; html: string };

export type FrameToAppMessage =
  /** `load` is new each time the frame document loads, so a repeated "ready" is told apart from a reload. */
  | { type: "ready"; load: string }
  /** `appliedAt`: when the frame's DOM had the change, in ms since the epoch (performance clock). */
  | { type: "rendered"; revision: number; appliedAt: number }
  | { type: "slide-changed"; position: SlideIndices; total: number; overview: boolean }
  | { type: "clicked"; position: SlideIndices }
  /** A key the app handles: `s` (speaker view) in the slideshow; every presenting key of a thumbnail. */
  | { type: "key"; key: string; shiftKey: boolean }
  | { type: "open-link"; url: string };

const MAX_INDEX = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, min = 0): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_INDEX;
}

export function parseSlideIndices(value: unknown): SlideIndices | null {
  if (!isRecord(value) || !isIndex(value.h) || !isIndex(value.v)) return null;
  if (value.f === undefined) return { h: value.h, v: value.v };
  return isIndex(value.f, -1) ? { h: value.h, v: value.v, f: value.f } : null;
}

function isOptionValue(value: unknown): value is RevealOptionValue {
  return value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

function parseOptions(value: unknown): RevealOptions | null {
  if (!isRecord(value)) return null;
  const options: RevealOptions = {};
  for (const [key, option] of Object.entries(value)) {
    if (!isOptionValue(option)) return null;
    options[key] = option;
  }
  return options;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** Parses what the frame receives; null for anything that is not a well-formed message. */
export function parseAppToFrameMessage(data: unknown): AppToFrameMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "render": {
      const options = parseOptions(data.options);
      const theme = (REVEAL_THEMES as readonly unknown[]).includes(data.theme) ? (data.theme as RevealTheme) : null;
      const mode = (FRAME_MODES as readonly unknown[]).includes(data.mode) ? (data.mode as FrameMode) : null;
      const position = data.position === null ? null : parseSlideIndices(data.position);
      if (!isStringArray(data.sections) || !options || !theme || !mode || !isIndex(data.revision)) return null;
      if (data.position !== null && !position) return null;
      if (data.lang !== null && typeof data.lang !== "string") return null;
      return {
        type: "render",
        sections: data.sections,
        options,
        theme,
        lang: data.lang,
        dir: data.dir === "rtl" ? "rtl" : "ltr",
        mode,
        position,
        revision: data.revision,
      };
    }
    case "patch": {
      if (!Array.isArray(data.changes) || !isIndex(data.count) || !isIndex(data.revision)) return null;
      const changes: SectionChange[] = [];
      for (const change of data.changes) {
        if (!isRecord(change) || !isIndex(change.index) || typeof change.html !== "string") return null;
        if (change.slide === undefined) changes.push({ index: change.index, html: change.html });
        else if (isIndex(change.slide)) changes.push({ index: change.index, slide: change.slide, html: change.html });
        else return null;
      }
      return { type: "patch", changes, count: data.count, revision: data.revision };
    }
    case "show": {
      const position = parseSlideIndices(data.position);
      return position ? { type: "show", position } : null;
    }
    case "hello":
      return { type: "hello" };
    case "connect":
      return { type: "connect" };
    case "navigate":
      return data.direction === "next" || data.direction === "prev" ? { type: "navigate", direction: data.direction } : null;
    case "command":
      return (DECK_COMMANDS as readonly unknown[]).includes(data.command) ? { type: "command", command: data.command as DeckCommand } : null;
    case "notes":
      return typeof data.html === "string" ? { type: "notes", html: data.html } : null;
    default:
      return null;
  }
}

/** Parses what the app receives from a frame; null for anything else. */
export function parseFrameToAppMessage(data: unknown): FrameToAppMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case "ready":
      return typeof data.load === "string" && data.load.length <= 64 ? { type: "ready", load: data.load } : null;
    case "rendered":
      return isIndex(data.revision) && typeof data.appliedAt === "number" && Number.isFinite(data.appliedAt)
        ? { type: "rendered", revision: data.revision, appliedAt: data.appliedAt }
        : null;
    case "slide-changed": {
      const position = parseSlideIndices(data.position);
      if (!position || !isIndex(data.total) || typeof data.overview !== "boolean") return null;
      return { type: "slide-changed", position, total: data.total, overview: data.overview };
    }
    case "clicked": {
      const position = parseSlideIndices(data.position);
      return position ? { type: "clicked", position } : null;
    }
    case "key":
      return typeof data.key === "string" && data.key.length <= 16 ? { type: "key", key: data.key, shiftKey: data.shiftKey === true } : null;
    case "open-link":
      return typeof data.url === "string" && /^https?:\/\//i.test(data.url) && data.url.length <= 4096 ? { type: "open-link", url: data.url } : null;
    default:
      return null;
  }
}
