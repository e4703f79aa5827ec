// Attribute values that reveal.js 6 (dist/reveal.js) turns into markup rather than reading as
// plain values. Escaping them into the attribute is not enough: reveal.js reads the value back and
// hands it to the HTML or CSS parser, so `&lt;img onerror=…&gt;` written as a value comes out as
// a live element. Read from reveal.js 6's source:
//   data-notes                 getSlideNotes() → innerHTML of the notes plugin's speaker window,
//                              of print's `.speaker-notes-pdf` and of `showNotes`' inline notes
//   data-auto-animate-easing   written into a <style> sheet's text (auto-animate's transitions)
//   data-auto-animate-duration / -delay  go through parseFloat first; held to numbers anyway
// Every other data-* attribute reveal.js reads goes to setAttribute, a style property, classList
// or a URL (checked by url-safety), never to a parser.

/** reveal.js puts these values into innerHTML. */
export const HTML_VALUED_ATTRIBUTES: ReadonlySet<string> = new Set(["data-notes"]);

const CSS_EASING = /^(?:[a-z-]{1,32}|(?:cubic-bezier|steps)\([0-9.,\s-]{1,64}\)|steps\([0-9]{1,4}\s*,\s*[a-z-]{1,16}\))$/i;
const SECONDS = /^\d{1,5}(?:\.\d{1,4})?$/;

/** Values reveal.js pastes into CSS text: what each may be. */
const CSS_VALUED_ATTRIBUTES: ReadonlyMap<string, RegExp> = new Map([
  ["data-auto-animate-easing", CSS_EASING],
  ["data-auto-animate-duration", SECONDS],
  ["data-auto-animate-delay", SECONDS],
]);

/**
 * The value to keep for a reveal.js attribute, or null to drop it. HTML-valued attributes come
 * back sanitized with `sanitizeHtml`; CSS-valued ones only when they are of their exact form;
 * every other attribute unchanged (URL checks happen elsewhere).
 */
export function safeRevealAttributeValue(name: string, value: string, sanitizeHtml: (html: string) => string): string | null {
  if (HTML_VALUED_ATTRIBUTES.has(name)) {
    const sanitized = sanitizeHtml(value);
    return sanitized === "" && value.trim() !== "" ? null : sanitized;
  }
  const pattern = CSS_VALUED_ATTRIBUTES.get(name);
  if (pattern) return pattern.test(value.trim()) ? value.trim() : null;
  return value;
}
