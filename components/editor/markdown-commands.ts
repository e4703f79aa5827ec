// Markdown formatting as CodeMirror commands, shared by the toolbar and the keyboard shortcuts.
// Every change goes through a normal editor transaction, so it reaches the Y.Text through
// y-codemirror and undo treats it like typing.
import { EditorSelection, type ChangeSpec, type EditorState } from "@codemirror/state";
import type { Command, EditorView, KeyBinding } from "@codemirror/view";

/** Wraps each selection in `mark` (or unwraps it when it already is); an empty one gets a placeholder. */
function toggleInline(mark: string, placeholder: string): Command {
  return (view) => {
    const { state } = view;
    const transaction = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - mark.length, range.from);
      const after = state.sliceDoc(range.to, range.to + mark.length);
      if (before === mark && after === mark) {
        return {
          changes: [
            { from: range.from - mark.length, to: range.from },
            { from: range.to, to: range.to + mark.length },
          ],
          range: EditorSelection.range(range.from - mark.length, range.to - mark.length),
        };
      }
      const text = range.empty ? placeholder : state.sliceDoc(range.from, range.to);
      return {
        changes: { from: range.from, to: range.to, insert: `${mark}${text}${mark}` },
        range: EditorSelection.range(range.from + mark.length, range.from + mark.length + text.length),
      };
    });
    view.dispatch(state.update(transaction, { scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

/** The lines touched by the selection, each once. */
function selectedLines(state: EditorState) {
  const seen = new Set<number>();
  const lines = [];
  for (const range of state.selection.ranges) {
    for (let number = state.doc.lineAt(range.from).number; number <= state.doc.lineAt(range.to).number; number++) {
      if (seen.has(number)) continue;
      seen.add(number);
      lines.push(state.doc.line(number));
    }
  }
  return lines;
}

function changeLines(view: EditorView, change: (text: string) => { remove: number; insert: string }): boolean {
  const changes: ChangeSpec[] = selectedLines(view.state).map((line) => {
    const { remove, insert } = change(line.text);
    return { from: line.from, to: line.from + remove, insert };
  });
  view.dispatch({ changes, scrollIntoView: true, userEvent: "input.format" });
  return true;
}

/** `#` … `######`, one level deeper each time, then back to plain text. */
export const toggleHeading: Command = (view) =>
  changeLines(view, (text) => {
    const level = /^(#{1,6}) /.exec(text)?.[1]?.length ?? 0;
    if (level === 0) return { remove: 0, insert: "# " };
    if (level === 6) return { remove: 7, insert: "" };
    return { remove: 0, insert: "#" };
  });

export const toggleBulletList: Command = (view) => {
  const lines = selectedLines(view.state);
  const allListed = lines.every((line) => /^\s*[-*+] /.test(line.text) || line.text.trim() === "");
  return changeLines(view, (text) => {
    const bullet = /^(\s*)[-*+] /.exec(text);
    if (allListed) return bullet ? { remove: bullet[0].length, insert: bullet[1]! } : { remove: 0, insert: "" };
    return bullet || text.trim() === "" ? { remove: 0, insert: "" } : { remove: 0, insert: "- " };
  });
};

/** `[label](url)` or `![alt](url)`; selects what still needs typing (the URL, or the label). */
function insertLink(prefix: string, placeholder: string): Command {
  return (view) => {
    const { state } = view;
    const url = "https://";
    const transaction = state.changeByRange((range) => {
      const label = state.sliceDoc(range.from, range.to);
      const text = `${prefix}[${label || placeholder}](${url})`;
      const labelStart = range.from + prefix.length + 1;
      const urlStart = labelStart + (label || placeholder).length + 2;
      return {
        changes: { from: range.from, to: range.to, insert: text },
        range: label ? EditorSelection.range(urlStart, urlStart + url.length) : EditorSelection.range(labelStart, labelStart + placeholder.length),
      };
    });
    view.dispatch(state.update(transaction, { scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

/**
 * Starts a new block after the cursor's line with an empty line before it, as slide separators
 * need (`---` only splits slides with an empty line on both sides), and puts the cursor after it.
 */
function insertBlockAfterLine(block: string): Command {
  return (view) => {
    const { state } = view;
    const line = state.doc.lineAt(state.selection.main.head);
    const lead = line.text.trim() === "" ? (line.number === 1 ? "" : "\n") : "\n\n";
    const insert = `${lead}${block}`;
    view.dispatch({
      changes: { from: line.to, insert },
      selection: { anchor: line.to + insert.length },
      scrollIntoView: true,
      userEvent: "input.format",
    });
    return true;
  };
}

export const toggleBold = toggleInline("**", "bold text");
export const toggleItalic = toggleInline("_", "italic text");
export const insertLinkMarkup = insertLink("", "link text");
export const insertImageMarkup = insertLink("!", "description");
export const insertSlide = insertBlockAfterLine("---\n\n");
export const insertVerticalSlide = insertBlockAfterLine("----\n\n");
export const insertSpeakerNote = insertBlockAfterLine("Note: ");

export interface MarkdownAction {
  id: string;
  label: string;
  /** CodeMirror key name, shown in tooltips with "Mod" spelled for the platform. */
  key: string;
  run: Command;
}

/** Formatting changes the text: never in a read-only editor (CodeMirror only blocks typing there). */
const writable = (command: Command): Command => (view) => !view.state.readOnly && command(view);

export const MARKDOWN_ACTIONS: readonly MarkdownAction[] = [
  { id: "bold", label: "Bold", key: "Mod-b", run: writable(toggleBold) },
  { id: "italic", label: "Italic", key: "Mod-i", run: writable(toggleItalic) },
  { id: "heading", label: "Heading", key: "Mod-Alt-h", run: writable(toggleHeading) },
  { id: "list", label: "Bulleted list", key: "Mod-Alt-l", run: writable(toggleBulletList) },
  { id: "link", label: "Link", key: "Mod-k", run: writable(insertLinkMarkup) },
  { id: "image", label: "Image", key: "Mod-Alt-i", run: writable(insertImageMarkup) },
  { id: "slide", label: "New slide (---)", key: "Mod-Enter", run: writable(insertSlide) },
  { id: "vertical-slide", label: "New vertical slide (----)", key: "Mod-Shift-Enter", run: writable(insertVerticalSlide) },
  { id: "note", label: "Speaker note", key: "Mod-Alt-n", run: writable(insertSpeakerNote) },
];

export const markdownKeymap: readonly KeyBinding[] = MARKDOWN_ACTIONS.map((action) => ({ key: action.key, run: action.run }));
