"use client";

// Who is in the deck right now and on which line their cursor is, from the awareness states
// every client publishes: `user` (name, colour) and y-codemirror's `cursor` (relative positions,
// so they stay right while the text changes under them).
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { PresenceUser } from "@/core/sync-protocol";
import type { DeckSession } from "./use-deck-session";
import { LineIndex } from "./line-index";
import { subscribeViewerCount } from "./viewer-count";
import { idleThrottle } from "@/components/sync/idle-throttle";
import { textSnapshot } from "@/components/sync/text-snapshot";

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  isMe: boolean;
  /** 1-based line of the cursor; null when the person's editor is not focused. */
  line: number | null;
}

/** Presence changes with every keystroke of every person: recompute at most this often. */
const REFRESH_MS = 120;

export function usePresence(session: DeckSession | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);

  useEffect(() => {
    if (!session) return;
    const { doc, text } = session;
    const awareness = session.provider.awareness;
    const lines = new LineIndex();
    const refresh = () => {
      const next = readPeers(doc, text, awareness, lines);
      // My own typing changes the awareness all the time, the peers and their lines rarely.
      setPeers((current) => (samePeers(current, next) ? current : next));
    };
    const throttle = idleThrottle(refresh, REFRESH_MS);
    refresh();
    awareness.on("change", throttle.schedule);
    text.observe(throttle.schedule);
    return () => {
      throttle.cancel();
      awareness.off("change", throttle.schedule);
      text.unobserve(throttle.schedule);
    };
  }, [session]);

  return peers;
}

/**
 * How many read-only viewers the deck has (me included when I am one). The server keeps viewers'
 * presence to itself and sends this count instead (MessageType.viewerCount); asked on every connect.
 */
export function useViewerCount(session: DeckSession | null): number {
  const [viewers, setViewers] = useState(0);
  useEffect(() => (session ? subscribeViewerCount(session.provider, setViewers) : undefined), [session]);
  return viewers;
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return a.length === b.length && a.every((peer, index) => {
    const other = b[index]!;
    return peer.clientId === other.clientId && peer.name === other.name && peer.color === other.color && peer.isMe === other.isMe && peer.line === other.line;
  });
}

function readPeers(doc: Y.Doc, text: Y.Text, awareness: Awareness, lines: LineIndex): Peer[] {
  const markdown = textSnapshot(text);
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = state.user as Partial<PresenceUser> | undefined;
    if (typeof user?.name !== "string" || typeof user.color !== "string") continue;
    peers.push({
      clientId,
      name: user.name,
      color: user.color,
      isMe: clientId === awareness.clientID,
      line: cursorLine(doc, markdown, lines, (state.cursor as { head?: unknown } | null | undefined)?.head),
    });
  }
  // Me first, then everyone else by name, so the avatars do not shuffle around.
  return peers.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

function cursorLine(doc: Y.Doc, markdown: string, lines: LineIndex, head: unknown): number | null {
  if (!head) return null;
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), doc);
  } catch (error) {
    // Another client's malformed presence must not break this page.
    console.warn("Podium ignored a cursor it could not read", error);
    return null;
  }
  if (!absolute) return null;
  return lines.lineAt(markdown, absolute.index);
}
