// What each section row of the outline shows, kept per row: a deck's thousands of rows each
// re-render only when their own section or writers change, not when a new line moves every later
// section down (their line numbers, which a row does not show, change) or someone's cursor moves.
import type { Peer } from "@/components/editor/use-presence";
import type { DeckSection } from "@/core/sections/deck-sections";

export interface SectionRowView {
  section: DeckSection;
  /** Others whose cursor is in the section. */
  writers: Peer[];
}

const NO_WRITERS: Peer[] = [];

export class SectionRows {
  private rows: SectionRowView[] = [];
  private readonly listeners = new Set<() => void>();

  /** Called with the sections as the text says now; tells the rows whose view changed. */
  update(sections: readonly DeckSection[], writers: ReadonlyMap<number, Peer[]>): void {
    let changed = sections.length !== this.rows.length;
    const rows = sections.map((section, h) => {
      const old = this.rows[h];
      const next = { section, writers: writers.get(h) ?? NO_WRITERS };
      if (old && sameView(old, next)) return old;
      changed = true;
      return next;
    });
    if (!changed) return;
    this.rows = rows;
    for (const listener of this.listeners) listener();
  }

  row = (h: number): SectionRowView | null => this.rows[h] ?? null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** Equal in all a row shows (the section's lines left out). */
function sameView(a: SectionRowView, b: SectionRowView): boolean {
  const [x, y] = [a.section, b.section];
  return (
    x.title === y.title &&
    x.owner === y.owner &&
    x.ownerName === y.ownerName &&
    x.status === y.status &&
    x.continued === y.continued &&
    x.tracked === y.tracked &&
    a.writers.length === b.writers.length &&
    a.writers.every((peer, index) => peer.clientId === b.writers[index]!.clientId && peer.name === b.writers[index]!.name)
  );
}
