// Diagram fences (```mermaid, graphviz, sequence, flow, abc) are drawn inside the sandboxed deck
// frame by libraries from our own build, as HedgeDoc 1.12 draws them; a broken one keeps its source
// and shows the parser's message; the offline export draws them too. Nothing is fetched from elsewhere.
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { focusDeck, ownDeck, presentSlide, slideshowFrame } from "./support/deck-frame";
import { onlyFiles, saveExport } from "./support/exported-file";

async function next(page: Page, frame: FrameLocator): Promise<void> {
  await focusDeck(frame);
  await page.keyboard.press("ArrowRight");
}

test("a mermaid diagram is drawn in the slideshow, a broken one shows its source and the error", async ({ browser }) => {
  const context = await browser.newContext();
  const remote: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  const deckId = await ownDeck(context, "---\ntype: slide\n---\n\n```mermaid\ngraph TD\n  Plan --> Ship\n```\n\n---\n\n```mermaid\ngraph TD\n  A -->\n```\n");
  const page = await context.newPage();
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  const first = presentSlide(frame);
  await expect(first.locator("pre.mermaid svg")).toBeVisible({ timeout: 20_000 });
  await expect(first.locator("pre.mermaid svg")).toContainText("Ship");
  await next(page, frame);
  const second = presentSlide(frame);
  await expect(second.locator(".diagram-error")).toBeVisible({ timeout: 20_000 });
  await expect(second.locator("pre div.mermaid")).toContainText("A -->");
  expect(remote).toEqual([]);
});

const KINDS = [
  { kind: "graphviz", source: 'digraph {\n  rankdir=LR\n  Draft -> Review -> "Ship it"\n}', text: "Ship it" },
  { kind: "sequence", source: "Title: Call\nAlice->Bob: Hello Bob\nNote right of Bob: Bob thinks\nBob-->Alice: Hi Alice", text: "Hello Bob" },
  { kind: "flow", source: "st=>start: Start\nop=>operation: Write the deck\ncond=>condition: Ready?\ne=>end: Present\nst->op->cond\ncond(yes)->e\ncond(no)->op", text: "Write the deck" },
  { kind: "abc", source: "X:1\nT:Scale\nM:4/4\nK:C\nCDEF GABc|", text: "Scale" },
] as const;
/** HedgeDoc's class on a drawn diagram's <pre> (extra.js finishView). */
const DRAWN_CLASS: Record<string, string> = { graphviz: "graphviz", sequence: "sequence-diagram", flow: "flow-chart", abc: "abc" };

test("graphviz, sequence, flow and abc are drawn as SVG in the slideshow; broken ones show the parser's message", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const remote: string[] = [];
  const refused: string[] = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  const drawn = KINDS.map(({ kind, source }) => `## ${kind}\n\n\`\`\`${kind}\n${source}\n\`\`\`\n`);
  const broken = ["```graphviz\ndigraph { a -> }\n```\n", "```sequence\nAlice->: nobody\n```\n"];
  const deckId = await ownDeck(context, `---\ntype: slide\nslideOptions:\n  theme: white\n---\n\n${[...drawn, ...broken].join("\n---\n\n")}`);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(`/d/${deckId}/slides`);
  const frame = slideshowFrame(page);
  for (const [index, { kind, text }] of KINDS.entries()) {
    if (index > 0) await next(page, frame);
    const slide = presentSlide(frame);
    await expect(slide.locator("h2")).toHaveText(kind);
    const svg = slide.locator(`pre.${DRAWN_CLASS[kind]}[data-drawn="yes"] > svg`);
    await expect(svg).toBeVisible({ timeout: 20_000 });
    await expect(svg).toContainText(kind === "abc" ? "Scale" : text);
    // Drawn at a real size, inside the slide.
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.height).toBeGreaterThan(20);
    await page.screenshot({ path: `test-results/diagram-${kind}.png` });
  }
  await next(page, frame);
  const graphvizError = presentSlide(frame);
  await expect(graphvizError.locator(".diagram-error")).toContainText(/syntax error/i, { timeout: 20_000 });
  await expect(graphvizError.locator("pre div.graphviz")).toHaveText("digraph { a -> }\n");
  await expect(graphvizError.locator("svg")).toHaveCount(0);
  await next(page, frame);
  const sequenceError = presentSlide(frame);
  await expect(sequenceError.locator(".diagram-error")).toContainText(/parse error/i, { timeout: 20_000 });
  await expect(sequenceError.locator("pre div.sequence-diagram")).toContainText("Alice->: nobody");
  await page.screenshot({ path: "test-results/diagram-error.png" });
  expect(remote).toEqual([]);
  expect(refused).toEqual([]);
});

test("the offline export draws its diagrams from the file itself", async ({ browser }) => {
  const context = await browser.newContext();
  const deckId = await ownDeck(context, "```mermaid\ngraph LR\n  Export --> Disk\n```\n\n---\n\n```graphviz\ndigraph { File -> Offline }\n```\n");
  const url = await saveExport(context.request, deckId);
  const page = await context.newPage();
  const remote = await onlyFiles(context);
  await page.goto(url);
  await expect(page.locator(".reveal pre.mermaid svg")).toContainText("Disk", { timeout: 20_000 });
  // graphviz's WebAssembly runs under the export's policy ('wasm-unsafe-eval', nothing else added).
  await expect(page.locator(".reveal pre.graphviz svg")).toContainText("Offline", { timeout: 20_000 });
  expect(remote).toEqual([]);
});
