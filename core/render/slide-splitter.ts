// Splitting a deck's body into slides as reveal.js does with HedgeDoc's separators: the deck
// scanner's rule (core/markdown/deck-scanner.ts), which the outline and the library title read too.
export { splitSlides, type SlideSource, type SplitDeck } from "../markdown/deck-scanner";
