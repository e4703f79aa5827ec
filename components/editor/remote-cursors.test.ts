// @vitest-environment jsdom
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { cursorLookup, remoteCursors } from "./remote-cursors";

/** Two peers whose documents and awareness reach each other at once. */
function twoPeers(initial: string) {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on("update", (update: Uint8Array, origin: unknown) => origin !== "b" && Y.applyUpdate(docB, update, "a"));
  docB.on("update", (update: Uint8Array, origin: unknown) => origin !== "a" && Y.applyUpdate(docA, update, "b"));
  const textA = docA.getText("markdown");
  textA.insert(0, initial);
  const awarenessA = new Awareness(docA);
  const awarenessB = new Awareness(docB);
  awarenessB.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(awarenessA, encodeAwarenessUpdate(awarenessB, [...added, ...updated, ...removed]), "b");
  });
  return { textA, textB: docB.getText("markdown"), awarenessA, awarenessB };
}

const views: EditorView[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

describe("remote cursors", () => {
  it("shows a peer's cursor with their name as text, moves it with my edits without looking it up again", () => {
    const { textA, textB, awarenessA, awarenessB } = twoPeers("# Team Ops\n\nhello world\n");
    let lookups = 0;
    const lookup = cursorLookup(textA);
    const view = new EditorView({
      doc: textA.toString(),
      parent: document.body,
      extensions: [
        remoteCursors(textA, awarenessA, (cursor) => {
          lookups++;
          return lookup(cursor);
        }),
      ],
    });
    views.push(view);
    const hostile = `Bob <img src=x onerror="alert(1)">`;
    awarenessB.setLocalStateField("user", { name: hostile, color: "#aa3355" });
    const world = textB.toString().indexOf("world");
    awarenessB.setLocalStateField("cursor", { anchor: Y.createRelativePositionFromTypeIndex(textB, world), head: Y.createRelativePositionFromTypeIndex(textB, world) });

    const caret = () => view.dom.querySelector(".cm-ySelectionCaret")!;
    expect(view.dom.querySelector(".cm-ySelectionInfo")?.textContent).toBe(hostile);
    expect(view.dom.querySelector("[onerror]")).toBeNull();
    expect(view.posAtDOM(caret())).toBe(world);
    const looked = lookups;

    // I type ten characters before the peer's cursor (CodeMirror and Yjs both change, as the sync plugin would do).
    for (let n = 0; n < 10; n++) {
      textA.insert(0, "x");
      view.dispatch({ changes: { from: 0, insert: "x" } });
    }
    expect(view.posAtDOM(caret())).toBe(world + 10);
    expect(lookups).toBe(looked);

    // The peer selects "hello": looked up once, shown as a selection.
    const hello = textB.toString().indexOf("hello");
    awarenessB.setLocalStateField("cursor", { anchor: Y.createRelativePositionFromTypeIndex(textB, hello), head: Y.createRelativePositionFromTypeIndex(textB, hello + 5) });
    expect(lookups).toBe(looked + 1);
    expect(view.dom.querySelector(".cm-ySelection")?.textContent).toBe("hello");
    expect(view.posAtDOM(caret())).toBe(hello + 5);

    // The peer leaves: the cursor goes.
    awarenessB.setLocalState(null);
    expect(view.dom.querySelector(".cm-ySelectionCaret")).toBeNull();
  });

  it("shows a cursor that pointed at text not yet here once the text arrives", () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const textA = docA.getText("markdown");
    const textB = docB.getText("markdown");
    textB.insert(0, "late text");
    const awarenessA = new Awareness(docA);
    const view = new EditorView({ doc: "", parent: document.body, extensions: [remoteCursors(textA, awarenessA)] });
    views.push(view);
    const awarenessB = new Awareness(docB);
    awarenessB.setLocalStateField("user", { name: "Late", color: "#3355aa" });
    awarenessB.setLocalStateField("cursor", { anchor: Y.createRelativePositionFromTypeIndex(textB, 4), head: Y.createRelativePositionFromTypeIndex(textB, 4) });
    applyAwarenessUpdate(awarenessA, encodeAwarenessUpdate(awarenessB, [docB.clientID]), "b");
    expect(view.dom.querySelector(".cm-ySelectionCaret")).toBeNull();
    // The text arrives (the sync plugin applies it to the editor too).
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    view.dispatch({ changes: { from: 0, insert: textA.toString() } });
    expect(view.posAtDOM(view.dom.querySelector(".cm-ySelectionCaret")!)).toBe(4);
  });
});
