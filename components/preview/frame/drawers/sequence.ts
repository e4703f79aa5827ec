// ```sequence: js-sequence-diagrams, as HedgeDoc 1.12 draws them (its "simple" theme). The package
// is @rokt33r/js-sequence-diagrams, the published build of bramp's js-sequence-diagrams 2 (the
// grammar HedgeDoc's decks are written in) on Raphael, with no web font to load; npm's
// js-sequence-diagrams itself pulls Raphael from a git URL and a web-font loader.
import "./sequence-globals";
import Diagram from "@rokt33r/js-sequence-diagrams/dist/sequence-diagram-raphael.js";
import { registerDrawer, scalable } from "./register";

registerDrawer("sequence", (source, into) => {
  Diagram.parse(source).drawSVG(into, { theme: "simple" });
  scalable(into.querySelector("svg"));
});
