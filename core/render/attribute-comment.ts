// reveal.js's attribute comments, as HedgeDoc's reveal-markdown reads them:
//   <!-- .slide: data-background="…" class="…" -->   attributes for the slide's <section>
//   <!-- .element: class="fragment" -->              attributes for the preceding element
// `class`, `id`, `style` (HedgeDoc's white list: render.js whiteListAttr) and `data-*` survive;
// values that smuggle in a script URL are dropped, styles held to what the sanitizer keeps in a
// style="" attribute. Slide ids are made unique across the deck by the deck renderer.
import { isSafeUrl, mentionsScriptUrl } from "./url-safety";

export type AttributeList = [name: string, value: string][];

export interface AttributeComment {
  kind: "slide" | "element";
  attributes: AttributeList;
}

// The separators of HedgeDoc's reveal-markdown.js: the element form needs no colon.
const ELEMENT_ATTRIBUTES = /\.element\s*?(.+?)$/m;
const SLIDE_ATTRIBUTES = /\.slide:\s*?(\S.+?)$/m;
const ATTRIBUTE = /([^"= ]+?)="([^"=]+?)"/g;
const COMMENT = /<!--([\s\S]*?)-->/g;
const MAX_ATTRIBUTES = 32;
/** An id reveal.js can navigate to (`#/id`) and CSS can select: no white space or markup characters. */
const ELEMENT_ID = /^[A-Za-z_][\w:.-]{0,127}$/;
const MAX_VALUE_LENGTH = 2048;

/** data-* attributes that make reveal.js load or embed active content. */
export const FORBIDDEN_DATA_ATTRIBUTES: ReadonlySet<string> = new Set([
  "data-background-iframe",
  "data-preview-link",
  "data-markdown",
  "data-external",
  "data-external-replace",
  "data-template",
  "data-separator",
  "data-separator-vertical",
  "data-separator-notes",
  "data-charset",
]);

/** Reads one comment's text (what is between `<!--` and `-->`). */
export function parseAttributeComment(commentBody: string): AttributeComment | null {
  const element = ELEMENT_ATTRIBUTES.exec(commentBody);
  if (element) return { kind: "element", attributes: parseAttributes(element[1]!) };
  const slide = SLIDE_ATTRIBUTES.exec(commentBody);
  if (slide) return { kind: "slide", attributes: parseAttributes(slide[1]!) };
  return null;
}

export function parseAttributes(text: string): AttributeList {
  const result: AttributeList = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    if (result.length >= MAX_ATTRIBUTES) break;
    const name = match[1]!.toLowerCase();
    const value = match[2]!;
    if (isAllowedAttribute(name, value)) result.push([name, value]);
  }
  return result;
}

export function isAllowedAttribute(name: string, value: string): boolean {
  if (value.length > MAX_VALUE_LENGTH) return false;
  if (name === "class") return true;
  if (name === "id") return ELEMENT_ID.test(value);
  if (name === "style") return !mentionsScriptUrl(value);
  if (!/^data-[a-z0-9_.-]+$/.test(name) || FORBIDDEN_DATA_ATTRIBUTES.has(name)) return false;
  return isSafeUrl(value);
}

/**
 * Finds the attribute comments in a piece of raw HTML (an html_block or html_inline token),
 * returning them and the HTML without them.
 */
export function extractAttributeComments(html: string): { comments: AttributeComment[]; rest: string } {
  if (!html.includes("<!--")) return { comments: [], rest: html };
  const comments: AttributeComment[] = [];
  const rest = html.replace(COMMENT, (whole, body: string) => {
    const comment = parseAttributeComment(body);
    if (!comment) return whole;
    comments.push(comment);
    return "";
  });
  return { comments, rest };
}

/** Merges attributes into a record: `class` values accumulate, others are replaced. */
export function mergeAttributes(target: Record<string, string>, attributes: AttributeList): void {
  for (const [name, value] of attributes) {
    if (name === "class" && target.class) target.class = `${target.class} ${value}`;
    else target[name] = value;
  }
}
