// Frontmatter and slideOptions warnings from the renderer, as lint marks in the editor
// (@codemirror/lint adds its own state to the view the first time).
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";
import type { RenderWarning } from "@/core/render";

export function showRenderWarnings(view: EditorView, warnings: readonly RenderWarning[]): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = warnings.map((warning) => {
    const line = doc.line(Math.min(Math.max(warning.line, 1), doc.lines));
    return { from: line.from, to: line.to, severity: "warning", source: "Podium", message: warning.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
