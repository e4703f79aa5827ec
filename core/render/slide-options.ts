// `slideOptions` from the frontmatter → reveal.js options, through an allow-list with type checks.
// Nothing that loads code survives (`dependencies`, `plugins`: HedgeDoc's CVE-2021-21259), nor
// anything unknown or of the wrong type; each rejected key becomes a warning on its own line.
import { isMap, isScalar, parseDocument } from "yaml";
import type { FrontmatterBlock, FrontmatterWarning } from "../frontmatter";
import { isHttpOrRelativeUrl } from "./url-safety";

/** The themes bundled with reveal.js (node_modules/reveal.js/dist/theme). */
export const REVEAL_THEMES = [
  "black", "white", "league", "beige", "night", "serif", "simple", "solarized", "moon", "dracula", "sky", "blood",
  "black-contrast", "white-contrast",
] as const;
export type RevealTheme = (typeof REVEAL_THEMES)[number];
/** HedgeDoc's slide mode uses reveal.js's black theme unless the deck names another. */
export const DEFAULT_THEME: RevealTheme = "black";

export type RevealOptionValue = string | number | boolean | null;
export type RevealOptions = Record<string, RevealOptionValue>;

/** HedgeDoc 1.x's defaults for reveal.js (public/js/slide.js), without its plugin list. */
export const DEFAULT_REVEAL_OPTIONS: Readonly<RevealOptions> = Object.freeze({
  controls: true,
  progress: true,
  slideNumber: true,
  history: true,
  center: true,
  transition: "none",
});

export interface SlideOptionsResult {
  /** Defaults merged with the deck's valid options; ready for `Reveal.initialize`. */
  revealOptions: RevealOptions;
  theme: RevealTheme;
  warnings: FrontmatterWarning[];
}

type Check = (value: unknown) => RevealOptionValue | undefined;

const TRANSITION_WORD = /^(?:none|fade|slide|convex|concave|zoom)(?:-in|-out)?$/;
const isTransition = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 40 && value.trim().split(/\s+/).length <= 2 && value.trim().split(/\s+/).every((word) => TRANSITION_WORD.test(word));

const boolean: Check = (value) => (typeof value === "boolean" ? value : undefined);
const booleanOrNull: Check = (value) => (typeof value === "boolean" || value === null ? value : undefined);
const oneOf = (...choices: string[]): Check => (value) => (typeof value === "string" && choices.includes(value) ? value : undefined);
const number = (min: number, max: number, integer = false): Check => (value) =>
  typeof value === "number" && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value)) ? value : undefined;
const numberOrNull = (min: number, max: number): Check => (value) => (value === null ? null : number(min, max)(value));
const transition: Check = (value) => (isTransition(value) ? value : undefined);
const size: Check = (value) => {
  if (typeof value === "number") return number(1, 100_000)(value);
  return typeof value === "string" && /^\d{1,5}(?:\.\d{1,4})?(?:%|px)?$/.test(value) ? value : undefined;
};

interface OptionSpec {
  check: Check;
  expected: string;
}

const spec = (check: Check, expected: string): OptionSpec => ({ check, expected });
const BOOLEAN = spec(boolean, "true or false");

export const SLIDE_OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  transition: spec(transition, "none, fade, slide, convex, concave or zoom"),
  backgroundTransition: spec(transition, "none, fade, slide, convex, concave or zoom"),
  transitionSpeed: spec(oneOf("default", "fast", "slow"), "default, fast or slow"),
  parallaxBackgroundImage: spec(
    (value) => (typeof value === "string" && value.length <= 2048 && isHttpOrRelativeUrl(value) ? value : undefined),
    "an http(s) or relative image URL",
  ),
  parallaxBackgroundSize: spec(
    (value) => (typeof value === "string" && /^[a-z0-9.%\s-]{1,64}$/i.test(value) ? value : undefined),
    'a CSS background size such as "1920px 1080px"',
  ),
  parallaxBackgroundHorizontal: spec(numberOrNull(-100_000, 100_000), "a number"),
  parallaxBackgroundVertical: spec(numberOrNull(-100_000, 100_000), "a number"),
  controls: BOOLEAN,
  controlsTutorial: BOOLEAN,
  controlsLayout: spec(oneOf("bottom-right", "edges"), "bottom-right or edges"),
  controlsBackArrows: spec(oneOf("faded", "hidden", "visible"), "faded, hidden or visible"),
  progress: BOOLEAN,
  slideNumber: spec(
    (value) => (typeof value === "boolean" ? value : oneOf("h.v", "h/v", "c", "c/t")(value)),
    "true, false, h.v, h/v, c or c/t",
  ),
  showSlideNumber: spec(oneOf("all", "print", "speaker"), "all, print or speaker"),
  center: BOOLEAN,
  loop: BOOLEAN,
  rtl: BOOLEAN,
  width: spec(size, "a number of pixels or a percentage"),
  height: spec(size, "a number of pixels or a percentage"),
  margin: spec(number(0, 10), "a number between 0 and 10"),
  minScale: spec(number(0.01, 100), "a number between 0.01 and 100"),
  maxScale: spec(number(0.01, 100), "a number between 0.01 and 100"),
  autoSlide: spec((value) => (value === false ? false : number(0, 86_400_000)(value)), "a number of milliseconds or false"),
  autoSlideStoppable: BOOLEAN,
  autoPlayMedia: spec(booleanOrNull, "true, false or null"),
  fragments: BOOLEAN,
  fragmentInURL: BOOLEAN,
  hash: BOOLEAN,
  history: BOOLEAN,
  keyboard: spec(boolean, "true or false (key bindings to functions are not allowed)"),
  overview: BOOLEAN,
  touch: BOOLEAN,
  shuffle: BOOLEAN,
  showNotes: BOOLEAN,
  help: BOOLEAN,
  pause: BOOLEAN,
  embedded: BOOLEAN,
  disableLayout: BOOLEAN,
  hideInactiveCursor: BOOLEAN,
  hideCursorTime: spec(number(0, 3_600_000), "a number of milliseconds"),
  navigationMode: spec(oneOf("default", "linear", "grid"), "default, linear or grid"),
  viewDistance: spec(number(0, 100, true), "a whole number between 0 and 100"),
  mobileViewDistance: spec(number(0, 100, true), "a whole number between 0 and 100"),
  mouseWheel: BOOLEAN,
  previewLinks: spec((value) => (value === false ? false : undefined), "false (link previews open pages in frames)"),
  preloadIframes: spec(booleanOrNull, "true, false or null"),
  defaultTiming: spec(numberOrNull(0, 86_400), "a number of seconds"),
  totalTime: spec(numberOrNull(0, 864_000), "a number of seconds"),
  minimumTimePerSlide: spec(number(0, 86_400), "a number of seconds"),
  display: spec(oneOf("block", "flex", "grid", "inline-block"), "block, flex, grid or inline-block"),
  autoAnimate: BOOLEAN,
  autoAnimateDuration: spec(number(0, 60), "a number of seconds"),
  autoAnimateEasing: spec((value) => (typeof value === "string" && /^[a-z-]{1,32}$/.test(value) ? value : undefined), "a CSS easing keyword"),
  /** Podium's own: "hedgedoc" (the default) shows HedgeDoc 1's slide look, "reveal" reveal.js 6's plain themes. */
  podiumLook: spec(oneOf("hedgedoc", "reveal"), "hedgedoc or reveal"),
};

/**
 * Keys HedgeDoc 1.12's slide.js passes to reveal.js 3.9 that reveal.js 6 no longer has: accepted
 * (a HedgeDoc deck is not wrong to carry them), checked, and not passed on.
 */
const RETIRED_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  hideAddressBar: BOOLEAN,
};

/** Options that load or run code: never allowed, with a dedicated message. */
const CODE_LOADING_OPTIONS = new Set([
  "dependencies", "plugins", "markdown", "math", "katex", "highlight", "notes", "search", "zoom", "menu", "chalkboard",
  "keyboardCondition", "url", "postMessage", "postMessageEvents", "scripts", "script",
]);

/** 1-based document lines of the keys under `slideOptions:`, and of `slideOptions` itself. */
export function locateSlideOptionKeys(block: FrontmatterBlock): { line: number; keys: Map<string, number> } {
  const keys = new Map<string, number>();
  const lineAt = (offset: number): number => {
    let count = 0;
    for (let index = block.yaml.indexOf("\n"); index >= 0 && index < offset; index = block.yaml.indexOf("\n", index + 1)) count++;
    return block.startLine + 1 + count;
  };
  let line = block.startLine;
  try {
    const doc = parseDocument(block.yaml, { uniqueKeys: false });
    if (!isMap(doc.contents)) return { line, keys };
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || pair.key.value !== "slideOptions") continue;
      line = lineAt(pair.key.range?.[0] ?? 0);
      if (!isMap(pair.value)) break;
      for (const option of pair.value.items) {
        if (isScalar(option.key) && !keys.has(String(option.key.value))) keys.set(String(option.key.value), lineAt(option.key.range?.[0] ?? 0));
      }
      break;
    }
  } catch {
    // positions are a convenience: fall back to the frontmatter's first line
  }
  return { line, keys };
}

export function validateSlideOptions(raw: unknown, block: FrontmatterBlock | null): SlideOptionsResult {
  const revealOptions: RevealOptions = { ...DEFAULT_REVEAL_OPTIONS };
  const warnings: FrontmatterWarning[] = [];
  let theme: RevealTheme = DEFAULT_THEME;
  if (raw === undefined || raw === null) return { revealOptions, theme, warnings };
  const located = block ? locateSlideOptionKeys(block) : { line: 1, keys: new Map<string, number>() };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    warnings.push({ line: located.line, message: "slideOptions must be a mapping of reveal.js options; it was ignored." });
    return { revealOptions, theme, warnings };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const line = located.keys.get(key) ?? located.line;
    const shownKey = key.length > 60 ? `${key.slice(0, 60)}…` : key;
    if (key === "theme") {
      if (typeof value === "string" && (REVEAL_THEMES as readonly string[]).includes(value)) theme = value as RevealTheme;
      else warnings.push({ line, message: `slideOptions.theme must be one of ${REVEAL_THEMES.join(", ")}; using ${DEFAULT_THEME}.` });
      continue;
    }
    if (CODE_LOADING_OPTIONS.has(key)) {
      warnings.push({ line, message: `slideOptions.${shownKey} is not allowed: decks cannot load plugins or scripts.` });
      continue;
    }
    const retired = Object.prototype.hasOwnProperty.call(RETIRED_OPTIONS, key) ? RETIRED_OPTIONS[key] : undefined;
    if (retired) {
      if (retired.check(value) === undefined) warnings.push({ line, message: `slideOptions.${key} must be ${retired.expected}; it was ignored.` });
      continue;
    }
    const option = Object.prototype.hasOwnProperty.call(SLIDE_OPTION_SPECS, key) ? SLIDE_OPTION_SPECS[key] : undefined;
    if (!option) {
      warnings.push({ line, message: `Unknown slide option "${shownKey}" was ignored.` });
      continue;
    }
    const checked = option.check(value);
    if (checked === undefined) {
      warnings.push({ line, message: `slideOptions.${key} must be ${option.expected}; it was ignored.` });
      continue;
    }
    revealOptions[key] = checked;
  }
  return { revealOptions, theme, warnings };
}
