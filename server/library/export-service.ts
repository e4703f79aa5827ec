// A deck leaves Podium as .md, as one self-contained .html that presents offline, or as a bundle
// .zip; archived (or chosen) decks leave together as one .zip laid out for a git repository, which
// can be verified (archive-verify.ts) before the decks are purged.
import type { DeckService } from "../decks/deck-service";
import { exportArchive, exportDeckBundle, type ArchiveExport, type ExportableDeck } from "./deck-bundle";
import type { HtmlExporter } from "./html-export";
import type { MediaStore } from "./media-store";
import type { ExportFormat } from "../../core/api/decks";
export type { ExportFormat };

export class ExportService {
  constructor(
    private readonly decks: DeckService,
    private readonly media: MediaStore,
    private readonly html: HtmlExporter,
  ) {}

  /** The deck as a file: its bytes, type and a file name; null for an unknown deck. */
  async exportDeck(deckId: string, format: ExportFormat): Promise<{ body: Uint8Array | string; type: string; fileName: string } | null> {
    const deck = await this.exportable(deckId);
    if (!deck) return null;
    const base = fileBase(deck.title, deck.id);
    switch (format) {
      case "md":
        return { body: deck.markdown, type: "text/markdown; charset=utf-8", fileName: `${base}.md` };
      case "html":
        return { body: await this.html.export(deck.markdown, deck.title, this.media), type: "text/html; charset=utf-8", fileName: `${base}.html` };
      case "zip":
        return { body: await exportDeckBundle(deck, this.media), type: "application/zip", fileName: `${base}.zip` };
    }
  }

  /** Many decks as one archive .zip (their current text, live edits included). */
  async exportArchive(decks: Omit<ExportableDeck, "markdown">[]): Promise<ArchiveExport> {
    const withText: ExportableDeck[] = [];
    for (const deck of decks) {
      const markdown = await this.decks.markdown(deck.id);
      if (markdown !== null) withText.push({ ...deck, markdown });
    }
    return exportArchive(withText, this.media);
  }

  private async exportable(deckId: string): Promise<ExportableDeck | null> {
    const [meta, markdown] = await Promise.all([this.decks.get(deckId), this.decks.markdown(deckId)]);
    if (!meta || markdown === null) return null;
    return { ...meta, markdown, createdAt: new Date(meta.createdAt), updatedAt: new Date(meta.updatedAt) };
  }
}

/** A file name from the title, safe on every system. */
function fileBase(title: string, id: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._ -]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 80);
  return base || id;
}
