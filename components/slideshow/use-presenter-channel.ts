"use client";

// The presenter channel for a page holding a deck reader: its state as React state, its client.
import { useEffect, useRef, useState } from "react";
import type { DeckCommand } from "@/core/presenter-keys";
import type { PresenterRole } from "@/core/presenter-protocol";
import { PresenterClient, type PresenterView } from "./presenter-client";
import type { DeckReader } from "./use-deck-reader";

export function usePresenterChannel(reader: DeckReader | null, role: PresenterRole, onCommand?: (command: DeckCommand) => void) {
  const [client, setClient] = useState<PresenterClient | null>(null);
  const [view, setView] = useState<PresenterView | null>(null);
  const command = useRef(onCommand);
  useEffect(() => {
    command.current = onCommand;
  });
  useEffect(() => {
    if (!reader) return;
    const created = new PresenterClient(reader.provider, role, setView, (next) => command.current?.(next));
    // The client exists once the reader's socket does; state hands it to the page.
    setClient(created);
    return () => {
      created.destroy();
      setClient(null);
    };
  }, [reader, role]);
  return { client, view };
}
