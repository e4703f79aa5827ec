// The derived columns: computed from the markdown in one place, recomputed only when the text
// changed, and carrying the last editor the `accepted` stage noted.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DECK_TEXT_NAME } from "../../core/sync-protocol";
import { DERIVED_COLUMNS, deriveColumns, DerivedColumnsExtension } from "./derived-columns";

function document(deckId: string, markdown: string) {
  const doc = new Y.Doc();
  const text = doc.getText(DECK_TEXT_NAME);
  text.insert(0, markdown);
  return { deckId, text };
}

describe("derived columns", () => {
  it("derives every column of DERIVED_COLUMNS from the markdown", () => {
    const values = deriveColumns("---\ntitle: Weekly call\ntags: [ops, call]\n---\n# Agenda\n");
    expect(Object.keys(values).sort()).toEqual(Object.keys(DERIVED_COLUMNS).sort());
    expect(values).toMatchObject({ title: "Weekly call", tags: ["ops", "call"] });
    expect(deriveColumns("# Only a heading\n").title).toBe("Only a heading");
  });

  it("follows the live text, and the author of the latest accepted update; a new room starts afresh", () => {
    const columns = new DerivedColumnsExtension();
    const deck = document("d1", "# One\n");
    const source = columns.sourceFor(deck);
    expect(source.derivedColumns()).toMatchObject({ title: "One", lastEditorId: null });
    deck.text.insert(deck.text.length, "more");
    columns.acceptedUpdate(deck, { update: new Uint8Array(), author: "user-1", stored: Promise.resolve() });
    expect(source.derivedColumns()).toMatchObject({ markdown: "# One\nmore", lastEditorId: "user-1" });
    // Another instance's update stored here has no known author: the last editor stays.
    columns.acceptedUpdate(deck, { update: new Uint8Array(), author: undefined, stored: Promise.resolve() });
    expect(columns.sourceFor(deck).derivedColumns().lastEditorId).toBe("user-1");
    columns.unloaded("d1");
    expect(columns.sourceFor(document("d1", "# One\n")).derivedColumns().lastEditorId).toBeNull();
  });
});
