// Speaker notes (`note:` to the end of the slide, outside fenced code): the deck scanner's rule
// (core/markdown/deck-scanner.ts), so the outline leaves the same notes off its titles.
export { splitSpeakerNotes, type SlideWithNotes } from "../markdown/deck-scanner";
