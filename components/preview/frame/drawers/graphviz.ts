// ```graphviz: Graphviz compiled to WebAssembly (@viz-js/viz; HedgeDoc 1.12 used viz.js, the same
// Graphviz compiled to asm.js). Its wasm is inlined in the bundle, so the frame's CSP needs
// 'wasm-unsafe-eval' (next.config.mjs) and so does the offline export's (html-export.ts).
import { instance } from "@viz-js/viz";
import { registerDrawer } from "./register";

let viz: ReturnType<typeof instance> | null = null;

registerDrawer("graphviz", async (source, into) => {
  viz ??= instance();
  const graph = (await viz).renderSVGElement(source); // throws Graphviz's own message, e.g. "syntax error in line 1 near '->'"
  into.appendChild(graph);
});
