// Paste or drop an image into the editor: it is uploaded (POST /api/media) with a progress widget
// where it will go, and a markdown image is inserted there once it is stored. The widget is local
// to this editor (a decoration mapped through everyone's edits), so collaborators see only the
// finished image link, never a half-written placeholder.
import { EditorState, StateEffect, StateField, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { xhrUpload } from "@/components/upload/xhr-upload";
import type { StoredMedia } from "@/core/api/media";

interface Upload {
  id: number;
  pos: number;
  name: string;
  percent: number;
  error: string | null;
}

const startUpload = StateEffect.define<Upload>({ map: (upload, change) => ({ ...upload, pos: change.mapPos(upload.pos) }) });
const updateUpload = StateEffect.define<{ id: number; percent?: number; error?: string | null }>();
const endUpload = StateEffect.define<number>();

class UploadWidget extends WidgetType {
  constructor(readonly upload: Upload) {
    super();
  }

  override eq(other: UploadWidget): boolean {
    return other.upload.percent === this.upload.percent && other.upload.error === this.upload.error && other.upload.name === this.upload.name;
  }

  toDOM(): HTMLElement {
    const box = document.createElement("span");
    box.className = this.upload.error ? "cm-media-upload failed" : "cm-media-upload";
    box.setAttribute("role", "status");
    box.textContent = this.upload.error ? `${this.upload.error}` : `Uploading ${this.upload.name}… ${this.upload.percent}%`;
    if (!this.upload.error) {
      const bar = document.createElement("progress");
      bar.max = 100;
      bar.value = this.upload.percent;
      bar.setAttribute("aria-label", `Uploading ${this.upload.name}`);
      box.prepend(bar);
    }
    return box;
  }
}

const uploads = StateField.define<Upload[]>({
  create: () => [],
  update(value, transaction) {
    let next = transaction.docChanged ? value.map((upload) => ({ ...upload, pos: transaction.changes.mapPos(upload.pos) })) : value;
    for (const effect of transaction.effects) {
      if (effect.is(startUpload)) next = [...next, effect.value];
      else if (effect.is(updateUpload)) next = next.map((upload) => (upload.id === effect.value.id ? { ...upload, ...definedOnly(effect.value) } : upload));
      else if (effect.is(endUpload)) next = next.filter((upload) => upload.id !== effect.value);
    }
    return next;
  },
  provide: (field) =>
    EditorView.decorations.from(field, (list): DecorationSet => {
      const ranges: Range<Decoration>[] = list.map((upload) => Decoration.widget({ widget: new UploadWidget(upload), side: 1 }).range(upload.pos));
      return Decoration.set(ranges, true);
    }),
});

let nextId = 1;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function upload(view: EditorView, file: File, pos: number, uploadUrl: string): void {
  const id = nextId++;
  const name = file.name || "image";
  view.dispatch({ effects: startUpload.of({ id, pos, name, percent: 0, error: null }) });
  const { done } = xhrUpload<StoredMedia>(uploadUrl, file, ({ loaded, total }) => {
    view.dispatch({ effects: updateUpload.of({ id, percent: Math.round((loaded / total) * 100) }) });
  });
  done.then(
    ({ url }) => {
      const at = view.state.field(uploads).find((entry) => entry.id === id)?.pos ?? view.state.selection.main.head;
      const alt = name.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]\n]/g, " ");
      const line = view.state.doc.lineAt(at);
      const before = at > line.from ? "\n" : "";
      const insert = `${before}![${alt}](${url})\n`;
      view.dispatch({ changes: { from: at, insert }, effects: endUpload.of(id), selection: { anchor: at + insert.length } });
    },
    (error: unknown) => {
      view.dispatch({ effects: updateUpload.of({ id, error: `${name}: ${error instanceof Error ? error.message : "upload failed"}` }) });
      setTimeout(() => view.dispatch({ effects: endUpload.of(id) }), 8_000);
    },
  );
}

function filesOf(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.size > 0);
}

/** `deckId`: the deck uploads are made for (lets guests who may edit it upload). */
export function mediaUpload(deckId: string): Extension {
  const uploadUrl = `/api/media?deck=${encodeURIComponent(deckId)}`;
  return [
    uploads,
    EditorView.domEventHandlers({
      paste(event, view) {
        const files = filesOf(event.clipboardData?.files);
        if (files.length === 0 || view.state.facet(EditorState.readOnly)) return false;
        event.preventDefault();
        for (const file of files) upload(view, file, view.state.selection.main.head, uploadUrl);
        return true;
      },
      drop(event, view) {
        const files = filesOf(event.dataTransfer?.files);
        if (files.length === 0 || view.state.facet(EditorState.readOnly)) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        for (const file of files) upload(view, file, pos, uploadUrl);
        return true;
      },
    }),
    EditorView.baseTheme({
      ".cm-media-upload": { display: "inline-flex", alignItems: "center", gap: "6px", padding: "0 8px", margin: "0 4px", borderRadius: "4px", fontSize: "12px", background: "color-mix(in srgb, #2557d6 12%, transparent)" },
      ".cm-media-upload progress": { width: "80px", height: "8px" },
      ".cm-media-upload.failed": { background: "color-mix(in srgb, #c4302b 14%, transparent)", color: "#c4302b" },
    }),
  ];
}
