"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { libraryApi, type TemplateInfo } from "./library-client";

/** "New from template": the shipped templates and the decks marked as templates; {{date}} and {{author}} are filled in. */
export function NewFromTemplateButton() {
  const router = useRouter();
  const menu = useRef<HTMLDetailsElement>(null);
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    if (templates) return;
    try {
      setTemplates((await libraryApi.templates()).templates);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not load the templates.");
    }
  }

  async function create(template: TemplateInfo) {
    setBusy(true);
    setError(null);
    try {
      router.push((await libraryApi.create({ templateId: template.id })).url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not create the deck.");
      setBusy(false);
    }
  }

  return (
    <details className="row-menu template-menu" ref={menu} onToggle={(event) => event.currentTarget.open && void open()}>
      <summary className="button secondary">New from template ▾</summary>
      <div className="row-menu-panel" role="menu">
        {templates === null && !error && <span className="muted template-loading">Loading…</span>}
        {templates?.map((template) => (
          <button key={template.id} type="button" role="menuitem" disabled={busy} onClick={() => void create(template)}>
            {template.title}
            {template.shipped && <span className="muted"> · built in</span>}
          </button>
        ))}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
