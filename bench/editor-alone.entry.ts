// The editor's CodeMirror setup alone, with no Yjs binding, preview or page around it: bundled by
// `npm run bench:preview` (esbuild) and typed into with the same clocks as the editor, as its floor.
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { deckEditorSetup } from "../components/editor/deck-editor-setup";

const bench = window as unknown as {
  startEditor: (doc: string) => void;
  podiumSession: { text: { length: number } };
};

bench.startEditor = (doc) => {
  const view = new EditorView({ parent: document.getElementById("host")!, state: EditorState.create({ doc, extensions: deckEditorSetup() }) });
  // The clocks read the document's length, as they read the deck's Y.Text in the editor.
  bench.podiumSession = {
    text: {
      get length() {
        return view.state.doc.length;
      },
    },
  };
};
