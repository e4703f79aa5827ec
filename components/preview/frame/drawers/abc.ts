// ```abc: music notation drawn by abcjs, as HedgeDoc 1.12 does. abcjs does not throw on a bad tune:
// it draws what it understood and lists warnings. A tune it could draw nothing of is an error,
// with those warnings as the message.
import abcjs from "abcjs";
import { registerDrawer, scalable } from "./register";

registerDrawer("abc", (source, into) => {
  const tunes = abcjs.renderAbc(into, source);
  const tune = tunes[0];
  if (!tune || tune.lines.length === 0) {
    const warnings = (tune?.warnings ?? []).map((warning) => warning.replace(/<[^>]*>/g, ""));
    throw new Error(warnings.length ? warnings.join("\n") : "No music found in this abc tune (it needs a K: line and notes).");
  }
  scalable(into.querySelector("svg"));
});
