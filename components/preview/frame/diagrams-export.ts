// The diagrams of the offline HTML export (server/library/html-export.ts inlines this after
// mermaid and reveal.js): drawn as in the deck frame, then reveal.js lays the slides out again.
import { drawDiagrams } from "./diagrams";

const reveal = (window as unknown as { Reveal?: { layout(): void } }).Reveal;
drawDiagrams(document, () => reveal?.layout());
