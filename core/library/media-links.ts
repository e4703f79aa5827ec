// Finds the image links of a deck — markdown images (`![alt](src =600x "title")`) and HTML
// `<img src="…">` — and rewrites them. Import uses it to point relative paths inside a zip at
// uploaded media; export uses it to point /media/<id> links at files beside the deck.

/** Returns the new URL for a link, or null to leave it alone. */
export type LinkRewriter = (url: string) => string | null;

const MARKDOWN_IMAGE = /(!\[[^\]\n]*\]\(\s*)(<[^>\n]*>|[^\s)]+)/g;
const HTML_IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"'\n]*)\2/gi;

export function rewriteMediaLinks(markdown: string, rewrite: LinkRewriter): string {
  return markdown
    .replace(MARKDOWN_IMAGE, (whole, prefix: string, target: string) => {
      const bracketed = target.startsWith("<");
      const url = bracketed ? target.slice(1, -1) : target;
      const replaced = rewrite(url);
      if (replaced === null) return whole;
      return prefix + (bracketed ? `<${replaced}>` : replaced);
    })
    .replace(HTML_IMG_SRC, (whole, prefix: string, quote: string, url: string) => {
      const replaced = rewrite(url);
      return replaced === null ? whole : `${prefix}${quote}${replaced}${quote}`;
    });
}

/** Every image link in a deck, in order of appearance. */
export function listMediaLinks(markdown: string): string[] {
  const links: string[] = [];
  rewriteMediaLinks(markdown, (url) => {
    links.push(url);
    return null;
  });
  return links;
}

/** Resolves a relative link against the folder of the file it appears in ("a/b.md" + "../c.png" → "c.png"). */
export function resolveRelativePath(fromFile: string, link: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("/") || link.startsWith("#")) return null;
  let path: string;
  try {
    path = decodeURIComponent(link.split(/[?#]/, 1)[0]!);
  } catch {
    return null;
  }
  const parts = fromFile.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}
