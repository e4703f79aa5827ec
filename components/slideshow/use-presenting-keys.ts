"use client";

// Presenting keys pressed on the page around a deck frame (its toolbar, the speaker view's
// header, a remote): reveal.js's commands for them go to `onCommand`, full screen is the page's,
// S opens the speaker view where there is one. Keys typed into fields stay there.
import { useEffect, useRef } from "react";
import { deckCommandForKey, keyBelongsToTarget, pageActionForKey, type DeckCommand, type PresentingKey } from "@/core/presenter-keys";

export interface PresentingKeyHandlers {
  onCommand: (command: DeckCommand) => void;
  onSpeakerView?: () => void;
}

/** Handles one key as the deck would; true when it was a presenting key. */
export function handlePresentingKey(key: PresentingKey, handlers: PresentingKeyHandlers): boolean {
  const command = deckCommandForKey(key);
  if (command) {
    handlers.onCommand(command);
    return true;
  }
  const action = pageActionForKey(key);
  if (action === "fullscreen") {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
    return true;
  }
  if (action === "speaker-view" && handlers.onSpeakerView) {
    handlers.onSpeakerView();
    return true;
  }
  return false;
}

export function usePresentingKeys(handlers: PresentingKeyHandlers | null): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  const enabled = handlers !== null;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const active = current.current;
      if (!active || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (keyBelongsToTarget(event.target, event.key)) return;
      if (handlePresentingKey({ key: event.key, shiftKey: event.shiftKey }, active)) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
