// The editor's language for decks: markdown with YAML frontmatter, parsed slide by slide.
//
// CodeMirror re-parses the document after every keystroke. Lezer's markdown parser reuses the
// unchanged blocks, but each re-parse still walks the whole tree (and the HTML nesting walks it
// again): on a 2 MB deck that is about 20 ms a keystroke, in the keystroke's own task. Here each
// slide is parsed on its own and keeps its tree while its text is unchanged, so a keystroke
// re-parses one slide. Slides split where the deck scanner (core/markdown/deck-scanner.ts) splits
// them for the preview: at a `---` or `----` line between empty lines, outside closed fenced code.
import { type Input, NodeType, Parser, type PartialParse, Tree, TreeFragment } from "@lezer/common";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { yamlFrontmatter } from "@codemirror/lang-yaml";
import { Language, LanguageSupport } from "@codemirror/language";
import { findFrontmatter } from "@/core/frontmatter";
import { deckBody, fenceCloses, readFence } from "@/core/markdown/deck-scanner";

/**
 * How far a fence's closer is looked for. A fence closed further away does not keep a separator
 * inside it from splitting the highlighting (the preview still renders it as code); a bound keeps
 * a slide's re-parse cheap while someone types a fence that is not closed yet.
 */
export const FENCE_LOOKAHEAD_CHARS = 32_768;
/** A frontmatter is looked for at most this far (the renderer ignores a larger one). */
const FRONTMATTER_SCAN_CHARS = 65_536;
/** Slides at least this long are re-parsed incrementally, from their previous tree. */
const INCREMENTAL_SLIDE_CHARS = 4_096;
const READ_BLOCK_CHARS = 16_384;

/** One slide's tree, in the coordinates of the document it was parsed from. */
interface Slide {
  from: number;
  to: number;
  tree: Tree;
  /** The slide's extent depends on the text up to here (a newline past the end stands for its end). */
  readTo: number;
}

/** The slides of every deck tree this language made: the fragments of the next parse point at them. */
const slidesOfTree = new WeakMap<Tree, { slides: readonly Slide[]; length: number }>();

/** Reads an input's lines through blocks, and notes how far it has read. */
class LineReader {
  private block = "";
  private blockFrom = 0;
  /** One past the last character read; `input.length + 1` once the end was seen. */
  readTo = 0;

  constructor(private readonly input: Input) {}

  /** The line starting at `pos`, without its newline; null past the end. */
  line(pos: number): string | null {
    const { length } = this.input;
    if (pos > length) return null;
    let size = READ_BLOCK_CHARS;
    for (;;) {
      const at = pos - this.blockFrom;
      if (at >= 0 && at <= this.block.length) {
        const newline = this.block.indexOf("\n", at);
        const blockEnd = this.blockFrom + this.block.length;
        if (newline >= 0 || blockEnd >= length) {
          const end = newline >= 0 ? newline : this.block.length;
          this.readTo = Math.max(this.readTo, this.blockFrom + end + 1);
          return this.block.slice(at, end);
        }
        size = Math.max(size, (blockEnd - pos) * 2);
      }
      this.blockFrom = pos;
      this.block = this.input.read(pos, Math.min(length, pos + size));
    }
  }
}

const stripCr = (line: string): string => (line.endsWith("\r") ? line.slice(0, -1) : line);
const isSeparatorLine = (line: string): boolean => line === "---" || line === "----";

/**
 * Where the slide starting at `from` ends: at the start of the next separator line, else at the
 * end. The first slide starts the document, after its frontmatter; the others on their separator.
 */
function slideEnd(reader: LineReader, input: Input, from: number): number {
  let pos = from;
  let previous: string | null = null;
  if (from === 0) {
    const prefix = input.read(0, Math.min(input.length, FRONTMATTER_SCAN_CHARS));
    const block = findFrontmatter(prefix);
    // What decided: the frontmatter; else its first line of text, unless that could open one.
    const firstText = prefix.search(/\S/);
    const firstLineEnd = firstText < 0 ? -1 : prefix.indexOf("\n", firstText);
    const notOpening = firstText >= 0 && prefix[firstText] !== "-" && firstLineEnd >= 0;
    reader.readTo = block ? block.bodyOffset + 1 : notOpening ? firstLineEnd + 1 : prefix.length + 1;
    if (block) {
      const { body } = deckBody(prefix, block);
      pos = prefix.length - body.length;
      reader.readTo = Math.max(reader.readTo, pos + 1);
    }
  } else {
    previous = stripCr(reader.line(pos)!);
    pos += previous.length + 1;
  }
  let lookahead = 4 * FENCE_LOOKAHEAD_CHARS;
  for (;;) {
    const raw = reader.line(pos);
    if (raw === null) return input.length;
    const line = stripCr(raw);
    const next = pos + raw.length + 1;
    const fence = lookahead > 0 ? readFence(line) : null;
    if (fence) {
      // A closed fence is code: separators inside it do not split.
      const limit = Math.min(input.length, pos + FENCE_LOOKAHEAD_CHARS);
      let closer = next;
      for (let text = reader.line(closer); text !== null && closer < limit; text = reader.line(closer)) {
        if (fenceCloses(fence, readFence(stripCr(text)))) break;
        closer += text.length + 1;
      }
      lookahead -= closer - pos;
      const closing = closer < limit ? reader.line(closer) : null;
      if (closing !== null && fenceCloses(fence, readFence(stripCr(closing)))) {
        previous = stripCr(closing);
        pos = closer + closing.length + 1;
        continue;
      }
    }
    if (previous === "" && isSeparatorLine(line)) {
      const after = reader.line(next);
      if (after !== null && stripCr(after) === "") return pos;
    }
    previous = line;
    pos = next;
  }
}

class SlideParse implements PartialParse {
  parsedPos = 0;
  stoppedAt: number | null = null;
  private readonly slides: Slide[] = [];
  private inner: { parse: PartialParse; from: number; to: number; readTo: number } | null = null;

  constructor(
    private readonly deck: DeckParser,
    private readonly input: Input,
    private readonly fragments: readonly TreeFragment[],
  ) {}

  advance(): Tree | null {
    if (!this.inner) {
      this.reuseSlides();
      if (this.done()) return this.finish();
      this.startSlide();
    }
    const inner = this.inner!;
    const tree = inner.parse.advance();
    if (!tree) return null;
    this.inner = null;
    this.push({ from: inner.from, to: inner.to, tree, readTo: inner.readTo });
    return this.done() ? this.finish() : null;
  }

  stopAt(pos: number): void {
    this.stoppedAt = pos;
  }

  private done(): boolean {
    return this.parsedPos >= this.input.length || (this.stoppedAt !== null && this.parsedPos >= this.stoppedAt);
  }

  private push(slide: Slide): void {
    this.slides.push(slide);
    this.parsedPos = slide.to;
  }

  /** The fragment holding `pos`, and the previous parse's slide starting there, if any. */
  private previousSlideAt(pos: number): { fragment: TreeFragment; slide: Slide; length: number } | null {
    for (const fragment of this.fragments) {
      if (fragment.from > pos) break;
      if (fragment.to <= pos) continue;
      const previous = slidesOfTree.get(fragment.tree);
      if (!previous) return null;
      const at = pos + fragment.offset;
      const { slides } = previous;
      let low = 0;
      let high = slides.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const slide = slides[middle]!;
        if (slide.from === at) return { fragment, slide, length: previous.length };
        if (slide.from < at) low = middle + 1;
        else high = middle - 1;
      }
      return null;
    }
    return null;
  }

  /** Takes the previous parse's slides for as long as their text (and what decided their extent) is unchanged. */
  private reuseSlides(): void {
    while (!this.done()) {
      const found = this.previousSlideAt(this.parsedPos);
      if (!found) return;
      const { fragment, slide, length } = found;
      const unchangedTo = fragment.to + fragment.offset;
      // A slide that ran to the previous end is still whole if the end did not move.
      const endKept = slide.readTo === length + 1 && fragment.to === this.input.length && unchangedTo === length;
      if (slide.readTo > unchangedTo && !endKept) return;
      const shift = -fragment.offset;
      this.push({ from: slide.from + shift, to: slide.to + shift, tree: slide.tree, readTo: slide.readTo + shift });
    }
  }

  private startSlide(): void {
    const from = this.parsedPos;
    const reader = new LineReader(this.input);
    const to = slideEnd(reader, this.input, from);
    const parser = from === 0 ? this.deck.firstSlide : this.deck.slide;
    const fragments = to - from >= INCREMENTAL_SLIDE_CHARS ? this.innerFragments(from, to) : [];
    this.inner = { parse: parser.startParse(this.input, fragments, [{ from, to }]), from, to, readTo: reader.readTo };
    this.deck.slidesParsed++;
  }

  /** The previous trees of the text now in [from, to), as fragments for the slide's own parser. */
  private innerFragments(from: number, to: number): TreeFragment[] {
    const result: TreeFragment[] = [];
    for (const fragment of this.fragments) {
      if (fragment.to <= from || fragment.from >= to) continue;
      const previous = slidesOfTree.get(fragment.tree);
      if (!previous) continue;
      for (const slide of previous.slides) {
        const start = Math.max(from, fragment.from, slide.from - fragment.offset);
        const end = Math.min(to, fragment.to, slide.to - fragment.offset);
        if (start >= end) continue;
        // Document positions map to the slide tree's own (it starts at its slide).
        const offset = fragment.offset - slide.from;
        result.push(new TreeFragment(start, end, slide.tree, offset, start > fragment.from || fragment.openStart, end < fragment.to || fragment.openEnd));
      }
    }
    return result;
  }

  private finish(): Tree {
    const length = this.parsedPos;
    const tree = new Tree(
      this.deck.top,
      this.slides.map((slide) => slide.tree),
      this.slides.map((slide) => slide.from),
      length,
    ).balance();
    slidesOfTree.set(tree, { slides: this.slides, length });
    return tree;
  }
}

class DeckParser extends Parser {
  /** Slides parsed (not reused) since this parser was made: what a keystroke costs. */
  slidesParsed = 0;

  constructor(
    /** The first slide, which holds the frontmatter. */
    readonly firstSlide: Parser,
    readonly slide: Parser,
    /** The deck's node type: markdown's document, so the editor sees markdown's language data. */
    readonly top: NodeType,
  ) {
    super();
  }

  createParse(input: Input, fragments: readonly TreeFragment[], ranges: readonly { from: number; to: number }[]): PartialParse {
    if (input.length === 0) return emptyParse(this.top);
    // Only ever the whole document; anything else is parsed as one slide.
    if (ranges.length !== 1 || ranges[0]!.from !== 0 || ranges[0]!.to !== input.length) return this.firstSlide.startParse(input, [], ranges);
    return new SlideParse(this, input, fragments);
  }
}

function emptyParse(top: NodeType): PartialParse {
  return { parsedPos: 0, stoppedAt: null, stopAt() {}, advance: () => new Tree(top, [], [], 0) };
}

/** CodeMirror's support for deck markdown: frontmatter YAML, markdown with HTML, slide by slide. */
export function deckMarkdown(): LanguageSupport {
  const content = markdown({ base: markdownLanguage });
  const withFrontmatter = yamlFrontmatter({ content });
  const top = (content.language.parser as unknown as { nodeSet: { types: readonly NodeType[] } }).nodeSet.types.find((type) => type.name === "Document")!;
  const parser = new DeckParser(withFrontmatter.language.parser, content.language.parser, top);
  return new LanguageSupport(new Language(content.language.data, parser, [], "markdown"), content.support);
}

/** How many slides the deck language's parser has parsed in this state's editor (for tests). */
export function slidesParsed(language: LanguageSupport): number {
  return (language.language.parser as DeckParser).slidesParsed;
}
