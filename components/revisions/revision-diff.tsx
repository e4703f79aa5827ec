import type { DiffLine } from "@/core/library/line-diff";

const CONTEXT = 3;

/** A line diff with unchanged stretches folded to a few lines of context around each change. */
export function RevisionDiff({ lines }: { lines: DiffLine[] }) {
  if (lines.every((line) => line.kind === "same")) return <p className="muted">No changes: the deck is the same as this revision.</p>;
  const near = lines.map((_, index) => lines.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((line) => line.kind !== "same"));
  const rows: React.ReactNode[] = [];
  let folded = 0;
  lines.forEach((line, index) => {
    if (!near[index]) {
      folded++;
      return;
    }
    if (folded > 0) {
      rows.push(
        <div key={`fold-${index}`} className="diff-fold">
          ⋯ {folded} unchanged line{folded === 1 ? "" : "s"}
        </div>,
      );
      folded = 0;
    }
    rows.push(
      <div key={index} className={`diff-line ${line.kind}`}>
        <span className="diff-sign" aria-label={line.kind === "added" ? "added" : line.kind === "removed" ? "removed" : undefined}>
          {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " "}
        </span>
        {line.text || " "}
      </div>,
    );
  });
  if (folded > 0) rows.push(<div key="fold-end" className="diff-fold">⋯ {folded} unchanged line{folded === 1 ? "" : "s"}</div>);
  return (
    <div className="revision-diff" role="region" aria-label="Changes since this revision">
      {rows}
    </div>
  );
}
