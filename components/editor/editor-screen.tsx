"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useState } from "react";
import { ConnectionStatus } from "./connection-status";
import { useDeckSession } from "./use-deck-session";
import { loadUserIdentity, renameUser, type UserIdentity } from "./user-identity";
import { UserNameField } from "./user-name-field";

// CodeMirror needs the DOM: load it in the browser only.
const DeckEditor = dynamic(() => import("./deck-editor"), { ssr: false });

export function EditorScreen({ deckId, initialTitle }: { deckId: string; initialTitle: string }) {
  const { session, status, synced, endedReason } = useDeckSession(deckId);
  const [identity, setIdentity] = useState<UserIdentity | null>(null);

  // localStorage exists only in the browser, after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setIdentity(loadUserIdentity()), []);
  useEffect(() => {
    if (session && identity) session.provider.awareness.setLocalStateField("user", identity);
  }, [session, identity]);

  return (
    <div className="editor-screen">
      <header className="editor-header">
        <Link href="/" className="home">
          Podium
        </Link>
        <span className="title">{initialTitle || "Untitled"}</span>
        <ConnectionStatus status={status} synced={synced} />
        {identity && <UserNameField identity={identity} onRename={(name) => setIdentity(renameUser(identity, name))} />}
      </header>
      {endedReason && (
        <div className="editor-notice" role="alert">
          {endedReason} <Link href="/">Back to all decks</Link>
        </div>
      )}
      <div className="editor-body">
        {session && <DeckEditor text={session.text} awareness={session.provider.awareness} />}
      </div>
    </div>
  );
}
