import { readdirSync, readFileSync } from "node:fs";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { yamlFrontmatter } from "@codemirror/lang-yaml";
import { ensureSyntaxTree, type LanguageSupport } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { type SyntaxNode, Tree, TreeFragment } from "@lezer/common";
import { highlightTree } from "@lezer/highlight";
import { describe, expect, it } from "vitest";
import { ordinaryDeck } from "@/core/render/fixtures/ordinary-deck";
import { deckHighlightStyle } from "./deck-highlight-style";
import { deckMarkdown, FENCE_LOOKAHEAD_CHARS, slidesParsed } from "./deck-language";

const FIXTURES = new URL("../../../shared/fixtures/decks/", import.meta.url);

function parsed(state: EditorState) {
  return ensureSyntaxTree(state, state.doc.length, 1e9)!;
}

/** The editor's colours: each highlighted range with its classes. */
function highlights(doc: string, language: LanguageSupport): string[] {
  const spans: string[] = [];
  highlightTree(language.language.parser.parse(doc), deckHighlightStyle, (from, to, classes) => spans.push(`${from}-${to} ${classes}`));
  return spans;
}

/** A document parsed again after each edit from the previous tree, as CodeMirror does, without its time slices. */
class IncrementalParse {
  tree: Tree;

  constructor(
    private readonly language: LanguageSupport,
    public doc: string,
  ) {
    this.tree = language.language.parser.parse(doc);
  }

  insert(pos: number, text: string): void {
    this.replace(pos, pos, text);
  }

  /**
   * Replaces [from, to) with `text`. With `stops`, the parse is stopped at those positions and
   * resumed from what it had, as CodeMirror does when a parse runs out of time.
   */
  replace(from: number, to: number, text: string, stops: number[] = []): void {
    this.doc = this.doc.slice(0, from) + text + this.doc.slice(to);
    let fragments = TreeFragment.applyChanges(TreeFragment.addTree(this.tree), [{ fromA: from, toA: to, fromB: from, toB: from + text.length }]);
    const { parser } = this.language.language;
    for (const stop of stops) {
      const parse = parser.startParse(this.doc, fragments);
      parse.stopAt(stop);
      let tree: Tree | null = null;
      while (!(tree = parse.advance()));
      fragments = TreeFragment.addTree(tree, fragments, true);
    }
    this.tree = parser.parse(this.doc, fragments);
  }
}

/** The markdown language as one document, as the editor parsed decks before. */
const wholeDocument = () => yamlFrontmatter({ content: markdown({ base: markdownLanguage }) });

const DECK = `---
title: Community call
type: slide
slideOptions:
  theme: white
---

# Community call :rocket:

<!-- .slide: data-background="#fff" -->

---

## Team IaaS

- **RC** for [R7](https://example.org)
- \`make test\`

\`\`\`yaml
kind: Cluster

---

spec: {}
\`\`\`

----

<font color="red">Team Ops</font>

note: thank the team
`;

describe("deck language", () => {
  it("colours every fixture deck and a sample deck as one markdown document would", () => {
    const decks = readdirSync(FIXTURES).map((name) => readFileSync(new URL(name, FIXTURES), "utf8"));
    for (const deck of [DECK, ordinaryDeck(30_000).markdown, ...decks]) {
      expect(highlights(deck, deckMarkdown())).toEqual(highlights(deck, wholeDocument()));
    }
  });

  it("re-parses only the slide a keystroke changed", () => {
    const language = deckMarkdown();
    const { markdown: doc, slides } = ordinaryDeck(200_000);
    const edits = new IncrementalParse(language, doc);
    expect(slidesParsed(language)).toBe(slides);
    for (const pos of [doc.length, Math.floor(doc.length / 2), doc.indexOf("# Team 3 report") + 3]) {
      const before = slidesParsed(language);
      edits.insert(pos, "a");
      expect(slidesParsed(language) - before).toBe(1);
    }
    // A new separator splits a slide in two: both halves are parsed, nothing else.
    const before = slidesParsed(language);
    edits.insert(edits.doc.indexOf("- Open questions go to the _weekly_ call, agenda item 40"), "\n---\n\n");
    expect(slidesParsed(language) - before).toBe(2);
    expect(edits.tree.toString()).toBe(deckMarkdown().language.parser.parse(edits.doc).toString());
  });

  it("gives after any sequence of edits, and parses stopped and resumed, the tree a fresh parse gives", () => {
    const language = deckMarkdown();
    const snippets = ["\n\n---\n\n", "\n----\n", "```\n", "~~~~\n", "\n", "---", "# Title\n", "- item\n", "`", "---\ntitle: x\n---\n", "", "\r\n"];
    const edits = new IncrementalParse(language, DECK + ordinaryDeck(8_000).markdown);
    // A fixed sequence of pseudo-random edits: inserts and deletes of markup that moves slide boundaries.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const fresh = deckMarkdown().language.parser;
    for (let step = 0; step < 300; step++) {
      const length = edits.doc.length;
      const from = random(length + 1);
      const to = random(3) === 0 ? Math.min(length, from + random(40)) : from;
      const stops = random(4) === 0 ? [random(length), random(length)].sort((a, b) => a - b) : [];
      edits.replace(from, to, snippets[random(snippets.length)]!, stops);
      expect(edits.tree.toString(), `after edit ${step}`).toBe(fresh.parse(edits.doc).toString());
    }
  });

  it("re-parses a long slide from its previous tree, to the tree a fresh parse gives", () => {
    // A title slide, then one slide of 30 KB (the slides' text without separators). Edits stay in
    // the long slide: the frontmatter's YAML parser recovers from errors differently when it
    // re-parses incrementally, whatever the deck language does.
    const title = "---\ntitle: Long\n---\n\n# Long\n\n---\n\n";
    const long = title + ordinaryDeck(30_000).markdown.replaceAll("\n---\n", "\n").replaceAll("\n----\n", "\n").replace(/^---[^]*?\n---\n/, "");
    const edits = new IncrementalParse(deckMarkdown(), long);
    const fresh = deckMarkdown().language.parser;
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // The slide's own tree: its first blocks are the previous parse's, reused.
    const slideTree = () => {
      let node: SyntaxNode = edits.tree.resolveInner(title.length + 10, 1);
      while (node.parent && node.parent.parent) node = node.parent;
      return node.tree!;
    };
    const parts = (tree: Tree, into = new Set<unknown>()): Set<unknown> => {
      for (const child of tree.children) {
        into.add(child);
        if (child instanceof Tree) parts(child, into);
      }
      return into;
    };
    const before = parts(slideTree());
    edits.insert(edits.doc.length - 10, "a");
    const after = parts(slideTree());
    expect([...before].filter((part) => after.has(part)).length).toBeGreaterThan(before.size / 2);
    const snippets = ["a", "\n", "**", "```\n", "# ", "\n\n", "- ", "<div>"];
    for (let step = 0; step < 60; step++) {
      const from = title.length + random(edits.doc.length - title.length + 1);
      edits.replace(from, Math.min(edits.doc.length, from + random(2) * random(20)), snippets[random(snippets.length)]!);
      expect(edits.tree.toString(), `after edit ${step}`).toBe(fresh.parse(edits.doc).toString());
    }
  });

  it("is the editor's language: markdown's language data and tree inside an editor state", () => {
    const state = EditorState.create({ doc: DECK, extensions: [deckMarkdown()] });
    const tree = parsed(state);
    expect(tree.length).toBe(DECK.length);
    expect(state.languageDataAt<{ block: { open: string } }>("commentTokens", DECK.indexOf("## Team IaaS"))[0]?.block.open).toBe("<!--");
    expect(tree.resolveInner(DECK.indexOf("Team IaaS"), 1).name).toBe("ATXHeading2");
    expect(tree.resolveInner(DECK.indexOf("theme: white") + 1, 1).name).not.toBe("Document");
  });

  it("ends an unclosed fence with its slide, as the preview does, and re-parses that slide alone", () => {
    const language: LanguageSupport = deckMarkdown();
    // Slides without fenced code: nothing further down closes the fence typed.
    const doc = Array.from({ length: 400 }, (_, n) => `# Team ${n} report\n\n- item *${n}*\n`).join("\n---\n\n");
    const edits = new IncrementalParse(language, doc);
    const at = doc.indexOf("# Team 5 report");
    const before = slidesParsed(language);
    edits.insert(at, "```\n");
    expect(slidesParsed(language) - before).toBe(1);
    const { tree } = edits;
    const nodeAt = (text: string) => {
      const names: string[] = [];
      for (let node: SyntaxNode | null = tree.resolveInner(edits.doc.indexOf(text) + 2, 1); node; node = node.parent) names.push(node.name);
      return names;
    };
    expect(nodeAt("Team 5 report")).toContain("FencedCode");
    expect(nodeAt("# Team 6 report")).toContain("ATXHeading1");
    expect(nodeAt("# Team 6 report")).not.toContain("FencedCode");
  });

  it("looks for a fence's closer only so far", () => {
    const far = "x\n".repeat(FENCE_LOOKAHEAD_CHARS / 2);
    const deck = `# One\n\n\`\`\`\n${far}\n---\n\n# Two\n\n\`\`\`\n`;
    const tree = parsed(EditorState.create({ doc: deck, extensions: [deckMarkdown()] }));
    // The fence closes beyond the bound: the separator splits, and "# Two" opens its own slide.
    const names: string[] = [];
    for (let node: SyntaxNode | null = tree.resolveInner(deck.indexOf("# Two") + 2, 1); node; node = node.parent) names.push(node.name);
    expect(names).toContain("ATXHeading1");
  });
});
