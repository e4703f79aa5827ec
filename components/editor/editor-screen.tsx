"use client";

import { EditorView } from "@codemirror/view";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { ConnectionStatus } from "./connection-status";
import { DeckOutline, type SlideSelection } from "./deck-outline";
import { MarkdownToolbar } from "./markdown-toolbar";
import { OfflineShell } from "./offline-shell";
import { PresenceBar } from "./presence-bar";
import { SaveStatus } from "./save-status";
import { createOutlineBuilder } from "./slide-outline";
import { ThemeToggle } from "./theme-toggle";
import { useDeckSession } from "./use-deck-session";
import { UnsavedChangesWarning } from "./use-leave-warning";
import { usePresence, useViewerCount } from "./use-presence";
import { accountIdentity, loadUserIdentity, renameUser, type UserIdentity } from "./user-identity";
import { AccountMenu } from "@/components/auth/account-menu";
import { AccessBadge } from "@/components/share/access-badge";
import { setEditorReadOnly } from "@/components/share/read-only-editor";
import { HistoryButton } from "@/components/revisions/history-button";
import { ShareButton } from "@/components/share/share-button";
import { useLiveAccess } from "@/components/share/use-live-access";
import type { DeckRole, Viewer } from "@/core/access";
import { UserNameField } from "./user-name-field";
import { DeckPreview } from "@/components/preview/deck-preview";
import { LayoutToggle } from "@/components/preview/layout-toggle";
import { useEditorLayout } from "@/components/preview/use-editor-layout";
import { StartPresentingButton } from "@/components/slideshow/start-presenting-button";
import { EndCallButton } from "@/components/sections/end-call-button";
import { ReadinessLine } from "@/components/sections/readiness-line";
import { SectionRow } from "@/components/sections/section-row";
import { SectionsProvider } from "@/components/sections/sections-context";

// CodeMirror needs the DOM: load it in the browser only.
const DeckEditor = dynamic(() => import("./deck-editor"), { ssr: false });

// Layout: header = home, title, presence, status, my name and theme (then account and sharing);
// body = outline | toolbar + editor (then the preview).
export function EditorScreen({ deckId, initialTitle, role, viewer }: { deckId: string; initialTitle: string; role: DeckRole; viewer: Viewer | null }) {
  const { session, status, synced, endedReason } = useDeckSession(deckId);
  const access = useLiveAccess(deckId, session?.connection ?? null, role);
  const [identity, setIdentity] = useState<UserIdentity | null>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [cursorLine, setCursorLine] = useState<number | null>(null);
  const peers = usePresence(session);
  const viewers = useViewerCount(session);
  const [layout, setLayout] = useEditorLayout();

  // localStorage exists only in the browser, after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setIdentity(viewer ? accountIdentity(viewer) : loadUserIdentity()), [viewer]);
  useEffect(() => {
    if (view) setEditorReadOnly(view, access.readOnly);
  }, [view, access.readOnly]);
  useEffect(() => {
    if (session && identity) session.provider.awareness.setLocalStateField("user", identity);
  }, [session, identity]);

  const [clickOutline] = useState(createOutlineBuilder);
  /** Shows a slide: moves my cursor to its first line and scrolls it to the top of the editor. */
  const showSlide = useCallback(
    (slide: SlideSelection) => {
      if (!view) return;
      // The outline refreshes a moment after each edit: place the slide in the text as it is now
      // (a builder of its own, which re-reads only the slides changed since the last click).
      const target = clickOutline.build(view.state.doc.toString())[slide.h]?.[slide.v]?.contentLine ?? slide.line;
      const line = view.state.doc.line(Math.min(Math.max(target, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: "start", yMargin: 16 }) });
      view.focus();
    },
    [view, clickOutline],
  );

  return (
    <div className="editor-screen">
      <OfflineShell />
      <UnsavedChangesWarning session={session} />
      <header className="editor-header">
        <Link href="/" className="home">
          Podium
        </Link>
        <span className="title">{initialTitle || "Untitled"}</span>
        <PresenceBar peers={peers} watching={Math.max(0, viewers - (access.readOnly ? 1 : 0))} />
        <div className="editor-status">
          <ConnectionStatus status={status} synced={synced} ended={endedReason !== null} />
          <SaveStatus status={status} synced={synced} session={session} />
        </div>
        <AccessBadge access={access} />
        <LayoutToggle layout={layout} onChange={setLayout} />
        <StartPresentingButton deckId={deckId} text={session?.text ?? null} cursorLine={cursorLine} />
        {identity && !viewer && <UserNameField identity={identity} onRename={(name) => setIdentity(renameUser(identity, name))} />}
        <ThemeToggle />
        {viewer && <HistoryButton deckId={deckId} canWrite={!access.readOnly} />}
        <EndCallButton deckId={deckId} refreshKey={access.readOnly} />
        {access.role === "owner" && <ShareButton deckId={deckId} />}
        <AccountMenu viewer={viewer} returnTo={`/d/${deckId}`} />
      </header>
      {(endedReason ?? access.endedReason) && (
        <div className="editor-notice" role="alert">
          {endedReason ?? access.endedReason} <Link href="/">Back to all decks</Link>
        </div>
      )}
      <div className="editor-body" data-layout={layout}>
        {session && (
          <SectionsProvider deckId={deckId} text={session.text} peers={peers} me={viewer && { id: viewer.id, name: viewer.name }} writable={!access.readOnly}>
            <DeckOutline text={session.text} peers={peers} cursorLine={cursorLine} onSelectSlide={showSlide} SectionSlot={SectionRow} Summary={ReadinessLine} />
          </SectionsProvider>
        )}
        <main className="editor-main">
          <MarkdownToolbar view={view} />
          {session && <DeckEditor deckId={deckId} text={session.text} awareness={session.provider.awareness} onView={setView} onCursorLine={setCursorLine} />}
        </main>
        {session && layout !== "editor" && <DeckPreview text={session.text} cursorLine={cursorLine} view={view} onSelectSlide={showSlide} asSlides={layout === "preview"} />}
      </div>
    </div>
  );
}
