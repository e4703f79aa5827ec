// The markdown-it instance shared by slides, speaker notes and documents, configured as HedgeDoc
// 1.x configures it: raw HTML on, soft breaks as <br>, linkify, typographer, and its plugins.
// The output is not sanitized here: callers pass it through an HtmlSanitizer.
import MarkdownItConstructor from "markdown-it";
import type { MarkdownIt } from "markdown-it";
import abbr from "markdown-it-abbr";
import deflist from "markdown-it-deflist";
import footnote from "markdown-it-footnote";
import ins from "markdown-it-ins";
import mark from "markdown-it-mark";
import sub from "markdown-it-sub";
import sup from "markdown-it-sup";
import taskLists from "markdown-it-task-lists";
import { disallowedHtmlPlugin } from "./disallowed-html";
import { elementAttributesPlugin } from "./element-attributes";
import { emojiPlugin } from "./emoji";
import { hedgedocExtrasPlugin } from "./hedgedoc-extras";
import { highlightPlugin } from "./highlight";
import { imageSizePlugin } from "./image-size";
import { mathPlugin } from "./math";
import { rawHtmlLimitsPlugin } from "./raw-html-limits";
import { MAX_MARKDOWN_NESTING } from "./render-limits";

export interface MarkdownOptions {
  /** Single newlines become <br> (HedgeDoc's default; frontmatter `breaks: false` turns it off). */
  breaks: boolean;
}

export function createMarkdownIt(options: MarkdownOptions): MarkdownIt {
  const md = new MarkdownItConstructor("default", {
    html: true,
    breaks: options.breaks,
    linkify: true,
    typographer: true,
    langPrefix: "language-",
    maxNesting: MAX_MARKDOWN_NESTING,
  });
  // markdown-it's own link validation (no javascript:, vbscript:, file:, non-image data:) stays on.
  // Bare domains (example.org/path) are links, as linkify-it's fuzzy links made them in HedgeDoc;
  // bare emails become mailto: links, as there.
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
  md.use(emojiPlugin);
  md.use(imageSizePlugin);
  md.use(abbr);
  md.use(footnote);
  md.use(deflist);
  md.use(mark);
  md.use(ins);
  md.use(sub);
  md.use(sup);
  md.use(taskLists, { enabled: false });
  md.use(disallowedHtmlPlugin); // after the plugins that emit raw HTML tokens: see its comment
  md.use(mathPlugin);
  md.use(highlightPlugin);
  md.use(hedgedocExtrasPlugin);
  md.use(elementAttributesPlugin);
  md.use(rawHtmlLimitsPlugin);
  return md;
}

const instances = new Map<string, MarkdownIt>();

/** One shared instance per option set (building one costs a few milliseconds). */
export function getMarkdownIt(options: MarkdownOptions): MarkdownIt {
  const key = markdownOptionsKey(options);
  let md = instances.get(key);
  if (!md) {
    md = createMarkdownIt(options);
    instances.set(key, md);
  }
  return md;
}

export function markdownOptionsKey(options: MarkdownOptions): string {
  return options.breaks ? "breaks" : "nobreaks";
}
