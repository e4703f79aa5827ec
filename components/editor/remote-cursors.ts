// The others' cursors and selections in the editor, and mine published to them, through the Yjs
// awareness in y-codemirror.next's format (`cursor: { anchor, head }` as relative positions, and
// its classes, so every client reads every other and its theme applies).
//
// This replaces y-codemirror's yRemoteSelections, which on every editor update (every keystroke)
// turned my selection into Yjs positions and every peer's back into indices. Each of those walks
// the text's Yjs items from the start: in a deck with a long editing history (100,000 items) a
// walk costs ~5 ms, so with ten people in the deck each keystroke paid ~100 ms. Here a peer's
// cursor is looked up when that peer's awareness changes and moved with the edits in between, and
// mine is published once per frame, after the paint.
import type { Extension } from "@codemirror/state";
import { Decoration, type DecorationSet, type EditorView, type PluginValue, ViewPlugin, type ViewUpdate, WidgetType } from "@codemirror/view";
import { yRemoteSelectionsTheme } from "y-codemirror.next";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { relativePositionAt } from "./yjs-positions";

/** A hidden tab paints no frames: publish my cursor after this at the latest. */
const HIDDEN_TAB_PUBLISH_MS = 100;

interface PeerCursor {
  anchor: number;
  head: number;
  name: string;
  color: string;
  colorLight: string;
}

interface AwarenessCursor {
  anchor?: unknown;
  head?: unknown;
}

class CaretWidget extends WidgetType {
  constructor(
    private readonly color: string,
    private readonly name: string,
  ) {
    super();
  }

  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-ySelectionCaret";
    caret.style.backgroundColor = this.color;
    caret.style.borderColor = this.color;
    const dot = document.createElement("div");
    dot.className = "cm-ySelectionCaretDot";
    const info = document.createElement("div");
    info.className = "cm-ySelectionInfo";
    // A name is text, whatever it holds.
    info.textContent = this.name;
    caret.append("\u2060", dot, "\u2060", info, "\u2060");
    return caret;
  }

  eq(other: CaretWidget): boolean {
    return other.color === this.color && other.name === this.name;
  }

  get estimatedHeight(): number {
    return -1;
  }

  ignoreEvent(): boolean {
    return true;
  }
}

/** Where a peer's cursor is, as indices into the text; null while what it points at has not arrived. */
export type CursorLookup = (cursor: AwarenessCursor) => { anchor: number; head: number } | null;

export function cursorLookup(text: Y.Text): CursorLookup {
  const index = (position: unknown): number | null => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), text.doc!);
    return absolute && absolute.type === text ? absolute.index : null;
  };
  return (cursor) => {
    if (cursor.anchor == null || cursor.head == null) return null;
    const anchor = index(cursor.anchor);
    const head = index(cursor.head);
    return anchor === null || head === null ? null : { anchor, head };
  };
}

class RemoteCursorsView implements PluginValue {
  decorations: DecorationSet = Decoration.none;
  private readonly peers = new Map<number, PeerCursor>();
  /** Peers whose awareness changed since their cursor was last looked up. */
  private readonly changed = new Set<number>();
  /** Peers whose cursor points at text not here yet: looked up again when the text changes. */
  private readonly pending = new Set<number>();
  private publishing = false;
  private destroyed = false;

  constructor(
    private readonly view: EditorView,
    private readonly text: Y.Text,
    private readonly awareness: Awareness,
    private readonly lookup: CursorLookup,
  ) {
    for (const client of awareness.getStates().keys()) if (client !== awareness.clientID) this.changed.add(client);
    awareness.on("change", this.onAwareness);
    this.refresh(true);
  }

  update(update: ViewUpdate): void {
    let moved = false;
    if (update.docChanged) {
      for (const peer of this.peers.values()) {
        peer.anchor = update.changes.mapPos(peer.anchor);
        peer.head = update.changes.mapPos(peer.head);
      }
      moved = this.peers.size > 0;
      for (const client of this.pending) this.changed.add(client);
      this.pending.clear();
    }
    this.refresh(moved);
    if (update.selectionSet || update.docChanged || update.focusChanged) this.schedulePublish();
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.off("change", this.onAwareness);
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    let others = false;
    for (const client of [...added, ...updated, ...removed]) {
      if (client === this.awareness.clientID) continue;
      this.changed.add(client);
      others = true;
    }
    // An empty transaction runs update(), which looks the changed cursors up.
    if (others && !this.destroyed) this.view.dispatch({});
  };

  /** Looks up the peers whose awareness changed; rebuilds the decorations if anything moved. */
  private refresh(moved: boolean): void {
    let dirty = moved;
    const states = this.awareness.getStates();
    for (const client of [...this.changed]) {
      const state = states.get(client) as { cursor?: AwarenessCursor | null; user?: { name?: string; color?: string; colorLight?: string } } | undefined;
      const cursor = state?.cursor;
      if (!cursor) {
        this.changed.delete(client);
        dirty = this.peers.delete(client) || dirty;
        continue;
      }
      this.changed.delete(client);
      const found = this.lookup(cursor);
      // What the cursor points at may arrive with a later update: looked up again then.
      if (!found) {
        this.pending.add(client);
        continue;
      }
      const color = state.user?.color ?? "#30bced";
      this.peers.set(client, { ...found, name: state.user?.name ?? "Anonymous", color, colorLight: state.user?.colorLight ?? `${color}33` });
      dirty = true;
    }
    if (dirty) this.decorations = this.build();
  }

  private build(): DecorationSet {
    const doc = this.view.state.doc;
    const ranges: { from: number; to: number; decoration: Decoration }[] = [];
    for (const peer of this.peers.values()) {
      const anchor = Math.min(peer.anchor, doc.length);
      const head = Math.min(peer.head, doc.length);
      const from = Math.min(anchor, head);
      const to = Math.max(anchor, head);
      const selection = Decoration.mark({ attributes: { style: `background-color: ${peer.colorLight}` }, class: "cm-ySelection" });
      const startLine = doc.lineAt(from);
      const endLine = doc.lineAt(to);
      if (from < to) {
        if (startLine.number === endLine.number) ranges.push({ from, to, decoration: selection });
        else {
          ranges.push({ from, to: startLine.to, decoration: selection });
          const line = Decoration.line({ attributes: { style: `background-color: ${peer.colorLight}`, class: "cm-yLineSelection" } });
          for (let number = startLine.number + 1; number < endLine.number; number++) {
            const at = doc.line(number).from;
            ranges.push({ from: at, to: at, decoration: line });
          }
          ranges.push({ from: endLine.from, to, decoration: selection });
        }
      }
      // My cursor stays outside a peer's selection: the caret sits on the selection's outer side.
      const side = head - anchor > 0 ? -1 : 1;
      ranges.push({ from: head, to: head, decoration: Decoration.widget({ side, widget: new CaretWidget(peer.color, peer.name) }) });
    }
    return Decoration.set(
      ranges.map(({ from, to, decoration }) => decoration.range(from, to)),
      true,
    );
  }

  /** My cursor, in Yjs positions, after the frame that paints this update (once however many updates). */
  private schedulePublish(): void {
    if (this.publishing) return;
    this.publishing = true;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      this.publishing = false;
      if (!this.destroyed) this.publish();
    };
    const fallback = setTimeout(run, HIDDEN_TAB_PUBLISH_MS);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  }

  private publish(): void {
    const local = this.awareness.getLocalState();
    if (!local) return;
    const focused = this.view.hasFocus && this.view.dom.ownerDocument.hasFocus();
    if (!focused) return;
    const { anchor, head } = this.view.state.selection.main;
    const next = { anchor: relativePositionAt(this.text, anchor), head: relativePositionAt(this.text, head) };
    const current = local.cursor as { anchor?: unknown; head?: unknown } | null | undefined;
    if (
      current?.anchor != null &&
      current.head != null &&
      Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.anchor), next.anchor) &&
      Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.head), next.head)
    ) {
      return;
    }
    this.awareness.setLocalStateField("cursor", next);
  }
}

/** Shows the peers' cursors from `awareness` and publishes mine; `lookup` finds a cursor's indices. */
export function remoteCursors(text: Y.Text, awareness: Awareness, lookup: CursorLookup = cursorLookup(text)): Extension {
  return [
    yRemoteSelectionsTheme,
    ViewPlugin.define((view) => new RemoteCursorsView(view, text, awareness, lookup), { decorations: (plugin) => plugin.decorations }),
  ];
}
