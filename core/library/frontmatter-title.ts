// Renaming a deck: its title is the frontmatter's `title`, so renaming edits that one line (or adds
// it, or adds a frontmatter block) and leaves every other byte of the deck as it was.
import { isMap, parseDocument } from "yaml";
import { findFrontmatter } from "../frontmatter";
import { PodiumError } from "../api/errors";

export class RenameError extends PodiumError {
  override name = "RenameError";
  constructor(message: string) {
    super("bad_request", message);
  }
}

const TITLE_LINE = /^title[ \t]*:.*$/m;

export function setFrontmatterTitle(markdown: string, title: string): string {
  const clean = title.replace(/[\r\n]+/g, " ").trim();
  if (!clean) throw new RenameError("A title cannot be empty.");
  const line = `title: ${JSON.stringify(clean)}`;
  const block = findFrontmatter(markdown);
  if (!block) return `---\n${line}\n---\n\n${markdown}`;
  const yamlStart = block.yamlOffset;
  const doc = parseDocument(block.yaml);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new RenameError("The deck's frontmatter is not valid YAML; fix it in the editor first.");
  }
  const match = TITLE_LINE.exec(block.yaml);
  // A multi-line title (a YAML block scalar) is rare: rewrite it through the YAML library.
  if (match && !/:\s*[|>]/.test(match[0])) {
    const from = yamlStart + match.index;
    return markdown.slice(0, from) + line + markdown.slice(from + match[0].length);
  }
  if (match) {
    doc.set("title", clean);
    return markdown.slice(0, yamlStart) + doc.toString() + markdown.slice(yamlStart + block.yaml.length);
  }
  return markdown.slice(0, yamlStart) + `${line}\n` + markdown.slice(yamlStart);
}
