// The HTML sanitizer every rendered slide, note and document goes through. core/ never touches
// the DOM itself: the caller passes a window (the browser's `window`, or a jsdom window in Node)
// and DOMPurify is built on it. The policy keeps what HedgeDoc decks use (inline styles, <font>,
// <style> blocks, <details>, <center>, KaTeX's HTML and MathML, data-* attributes for reveal.js)
// and removes anything that runs code, loads active content or submits data.
import createDOMPurify from "dompurify";
import type { Config, WindowLike } from "dompurify";
import { FORBIDDEN_DATA_ATTRIBUTES } from "./attribute-comment";
import { HTML_VALUED_ATTRIBUTES, safeRevealAttributeValue } from "./reveal-attributes";
import { isSafeUrl, mentionsScriptUrl } from "./url-safety";

export interface HtmlSanitizer {
  /** Returns sanitized HTML, safe to assign to innerHTML. Never throws. */
  sanitize(html: string): string;
}

/** The parts of a window DOMPurify needs: a browser `window` or `new JSDOM("").window`. */
export type SanitizerWindow = WindowLike;

/** Elements that never survive, whatever DOMPurify's defaults are. */
const FORBIDDEN_TAGS = [
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
  "form", "button", "textarea", "select", "option", "optgroup", "datalist", "keygen", "portal",
  "noscript", "noembed", "noframes", "template", "xmp", "plaintext", "param", "dialog",
];
const FORBIDDEN_ATTRIBUTES = ["action", "formaction", "srcdoc", "ping", "autofocus", "form", "http-equiv"];

const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "background", "poster", "cite", "srcset", "longdesc", "usemap", "data"]);

const CONFIG: Config = {
  // <style> for decks' custom CSS; <semantics>/<annotation> (plain-text TeX source) for KaTeX's MathML.
  ADD_TAGS: ["style", "semantics", "annotation"],
  ADD_ATTR: ["encoding"],
  FORCE_BODY: true,
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_TRUSTED_TYPE: false,
};

/** Builds the project's sanitizer on the given window. */
export function createHtmlSanitizer(window: SanitizerWindow): HtmlSanitizer {
  // Values reveal.js turns into HTML (data-notes) are sanitized by a second instance: DOMPurify
  // cannot be re-entered from its own hooks. In there such values are dropped: notes hold no notes.
  const values = buildPurify(window, null);
  const purify = buildPurify(window, (html) => String(values.sanitize(html)));
  return {
    sanitize(html: string): string {
      if (html === "") return "";
      return String(purify.sanitize(html));
    },
  };
}

/** `sanitizeValue` sanitizes HTML-valued attributes; null drops them. */
function buildPurify(window: SanitizerWindow, sanitizeValue: ((html: string) => string) | null) {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) throw new Error("DOMPurify is not supported by the given window");

  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName !== "input") return;
    const element = node as Element;
    const isDisabledCheckbox =
      (element.getAttribute("type") ?? "").toLowerCase() === "checkbox" && element.hasAttribute("disabled");
    if (!isDisabledCheckbox) element.parentNode?.removeChild(element);
  });

  purify.addHook("uponSanitizeAttribute", (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith("on")) {
      data.keepAttr = false;
      return;
    }
    if (name === "style") {
      // CSS cannot run script URLs in current browsers; drop such styles anyway
      if (mentionsScriptUrl(data.attrValue)) data.keepAttr = false;
      return;
    }
    if (name.startsWith("data-")) {
      if (FORBIDDEN_DATA_ATTRIBUTES.has(name) || !isSafeUrl(data.attrValue)) {
        data.keepAttr = false;
        return;
      }
      const value = sanitizeValue || !HTML_VALUED_ATTRIBUTES.has(name) ? safeRevealAttributeValue(name, data.attrValue, sanitizeValue ?? String) : null;
      if (value === null) data.keepAttr = false;
      else data.attrValue = value;
      return;
    }
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(data.attrValue, { allowImageData: true })) {
      data.keepAttr = false;
    }
  });

  // Parsed once: handing the config to every sanitize() call would parse it again each time.
  purify.setConfig(CONFIG);
  return purify;
}
