// `npm run bench:render`: the renderer's own timings in Node (DOMPurify on jsdom, several times
// slower than a browser's DOM), which unit tests check only as counted work and bounded output:
// - each pathological input of core/render/fixtures/pathological-inputs.ts, rendered from a fresh
//   cache (goal: well under a second), and the hostile frontmatters (goal: milliseconds);
// - a keystroke in one slide of a deck of ordinary slides of 100 slides and of 20 KB, 200 KB and
//   2 MB: one render of the whole deck with every other slide cached.
// Prints markdown tables for docs/benchmarks.md with the load average.
import os from "node:os";
import { JSDOM } from "jsdom";
import { createDeckRenderer, createHtmlSanitizer, type SanitizerWindow } from "../core/render";
import { oversizedFrontmatter, pathologicalBodies, pathologicalDeck, yamlAliasBomb } from "../core/render/fixtures/pathological-inputs";
import { ordinaryDeck } from "../core/render/fixtures/ordinary-deck";

const sanitizer = createHtmlSanitizer(new JSDOM("").window as unknown as SanitizerWindow);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 60);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function timeOnce(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const loadBefore = os.loadavg();
console.log("| pathological input | render (fresh cache) | goal |");
console.log("|---|---|---|");
for (const [name, body] of pathologicalBodies) {
  const elapsed = timeOnce(() => createDeckRenderer({ sanitizer }).render(pathologicalDeck(body)));
  console.log(`| ${name} | ${ms(elapsed)} | < 1000 ms ${elapsed < 1000 ? "✓" : "✗"} |`);
}
for (const [name, markdown, goal] of [
  ["64 KB+ frontmatter", oversizedFrontmatter, 100],
  ["YAML alias bomb", yamlAliasBomb(), 200],
] as const) {
  const elapsed = timeOnce(() => createDeckRenderer({ sanitizer }).render(markdown));
  console.log(`| ${name} | ${ms(elapsed)} | < ${goal} ms ${elapsed < goal ? "✓" : "✗"} |`);
}

console.log("\n| deck | slides | first render | keystroke p50 | keystroke p95 |");
console.log("|---|---|---|---|---|");
for (const size of [57_000, 20_000, 200_000, 2_000_000]) {
  const { markdown, slides } = ordinaryDeck(size);
  const renderer = createDeckRenderer({ sanitizer });
  const first = timeOnce(() => renderer.render(markdown));
  // Typing at the end of a line in the middle slide.
  const at = markdown.indexOf("\n", Math.floor(markdown.length / 2));
  let typed = markdown;
  const samples: number[] = [];
  for (let key = 0; key < KEYSTROKES; key++) {
    typed = `${typed.slice(0, at)}${"abcdefghij"[key % 10]}${typed.slice(at)}`;
    samples.push(timeOnce(() => renderer.render(typed)));
  }
  samples.sort((a, b) => a - b);
  console.log(`| ${Math.round(markdown.length / 1000)} K chars | ${slides} | ${ms(first)} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 95))} |`);
}
const loadAfter = os.loadavg();
console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}; load average ${loadBefore.map((load) => load.toFixed(2)).join(" ")} before, ${loadAfter.map((load) => load.toFixed(2)).join(" ")} after`);
