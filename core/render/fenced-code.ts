// Which lines of a text are inside fenced code blocks, so that slide separators and `note:` lines
// inside code are left alone: the deck scanner's rule (core/markdown/deck-scanner.ts), which the
// outline and the library title read as well.
export { findFencedLines } from "../markdown/deck-scanner";
