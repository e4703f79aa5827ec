// ```flow: flowchart.js (on Raphael), as HedgeDoc 1.12 draws it, with HedgeDoc's options (its
// "16px" font size as the number flowchart.js types it as).
import flowchart from "flowchart.js";
import { registerDrawer } from "./register";

registerDrawer("flow", (source, into) => {
  flowchart.parse(source).drawSVG(into, { "line-width": 2, fill: "none", "font-size": 16, "font-family": "'Andale Mono', monospace" });
});
