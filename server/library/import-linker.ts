// Points an imported deck's relative image links at the media imported with it:
// `![](20240808/slide.png)` in `call/20240808.md` becomes `![](/media/<sha256>.png)` when
// `call/20240808/slide.png` was in the same upload. Other links stay as they are.
import { resolveRelativePath, rewriteMediaLinks } from "../../core/library/media-links";
import type { ImportedDeck } from "./import-reader";

/** `mediaUrlByPath`: upload path of each stored medium → its Podium URL. */
export function linkImportedMedia(deck: ImportedDeck, mediaUrlByPath: ReadonlyMap<string, string>): { markdown: string; linked: number } {
  let linked = 0;
  const markdown = rewriteMediaLinks(deck.markdown, (url) => {
    const path = resolveRelativePath(deck.path, url);
    const target = path === null ? undefined : mediaUrlByPath.get(path);
    if (target === undefined) return null;
    linked++;
    return target;
  });
  return { markdown, linked };
}
