// Yjs positions for indices into a Y.Text, found from Yjs's own search markers.
//
// Y.createRelativePositionFromTypeIndex walks the text's items from the first one. A deck with a
// long editing history holds ~100,000 items, and the walk then costs ~5 ms; y-codemirror makes
// two for every selection change (undo keeps the selection before each change) and two for my
// cursor. Yjs keeps search markers (an item and its index) where the text was last edited here,
// which is where the cursor is: starting from the nearest marker, the walk is a few items.
import { YSyncConfig } from "y-codemirror.next";
import * as Y from "yjs";

interface ItemLike {
  id: { client: number; clock: number };
  left: ItemLike | null;
  right: ItemLike | null;
  deleted: boolean;
  countable: boolean;
  length: number;
}

interface SearchMarker {
  p: ItemLike;
  index: number;
}

/** The type part of a relative position in `text`, read once from a cheap one. */
const typeParts = new WeakMap<Y.Text, { type: Y.RelativePosition["type"]; tname: string | null }>();

function typeOf(text: Y.Text): { type: Y.RelativePosition["type"]; tname: string | null } {
  let parts = typeParts.get(text);
  if (!parts) {
    const start = Y.createRelativePositionFromTypeIndex(text, 0);
    parts = { type: start.type, tname: start.tname };
    typeParts.set(text, parts);
  }
  return parts;
}

/** The same relative position as Y.createRelativePositionFromTypeIndex(text, index, assoc). */
export function relativePositionAt(text: Y.Text, index: number, assoc = 0): Y.RelativePosition {
  const markers = (text as unknown as { _searchMarker: SearchMarker[] | null })._searchMarker;
  if (!markers || markers.length === 0) return Y.createRelativePositionFromTypeIndex(text, index, assoc);
  const { type, tname } = typeOf(text);
  // Associated with the character before: that character's position (none before the first).
  if (assoc < 0) {
    if (index === 0) return new Y.RelativePosition(type, tname, null, assoc);
    index--;
  }
  let marker = markers[0]!;
  for (const candidate of markers) if (Math.abs(candidate.index - index) < Math.abs(marker.index - index)) marker = candidate;
  let item: ItemLike = marker.p;
  let start = marker.index;
  while (start > index && item.left !== null) {
    item = item.left;
    if (!item.deleted && item.countable) start -= item.length;
  }
  // A marker that does not add up is not trusted.
  if (start > index) return Y.createRelativePositionFromTypeIndex(text, assoc < 0 ? index + 1 : index, assoc);
  for (;;) {
    if (!item.deleted && item.countable) {
      if (start + item.length > index) return new Y.RelativePosition(type, tname, Y.createID(item.id.client, item.id.clock + index - start), assoc);
      start += item.length;
    }
    if (item.right === null) {
      // Past the end: the last item's last character, or the end of the text.
      return new Y.RelativePosition(type, tname, assoc < 0 ? Y.createID(item.id.client, item.id.clock + item.length - 1) : null, assoc);
    }
    item = item.right;
  }
}

/**
 * y-codemirror's configuration with positions found from the markers: given after yCollab (the
 * last configuration wins), its binding and its undo use it.
 */
export class MarkedSyncConfig extends YSyncConfig {
  toYPos(pos: number, assoc = 0): Y.RelativePosition {
    return relativePositionAt(this.ytext, pos, assoc);
  }
}
