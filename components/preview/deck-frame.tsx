"use client";

// A sandboxed <iframe> showing a deck with reveal.js (public/deck-frame.html). The sandbox has no
// allow-same-origin: the deck's HTML and CSS live in an opaque origin, away from the editor, the
// cookies and the API. The frame's host is handed to the parent once it exists.
import { useEffect, useRef } from "react";
import type { FrameMode } from "@/core/deck-frame-protocol";
import type { RevealOptions } from "@/core/render";
import { DeckFrameHost } from "./deck-frame-host";

export interface DeckFrameProps {
  mode: FrameMode;
  title: string;
  className?: string;
  optionOverrides?: RevealOptions;
  testId?: string;
  /** Take the keyboard when the frame opens (slideshow): reveal.js's keys work without a click. */
  autoFocus?: boolean;
  onHost: (host: DeckFrameHost | null) => void;
}

export function DeckFrame({ mode, title, className, optionOverrides, testId, autoFocus = false, onHost }: DeckFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const onHostRef = useRef(onHost);
  useEffect(() => {
    onHostRef.current = onHost;
  });
  // Overrides are fixed for the frame's life; a change would need a new frame anyway.
  const overrides = useRef(optionOverrides);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const host = new DeckFrameHost(() => element.contentWindow, mode, element, overrides.current);
    onHostRef.current(host);
    return () => {
      host.destroy();
      onHostRef.current(null);
    };
  }, [mode]);

  useEffect(() => {
    if (autoFocus) frame.current?.focus();
  }, [autoFocus]);

  return (
    <iframe
      ref={frame}
      src="/deck-frame.html"
      sandbox="allow-scripts"
      allow="fullscreen"
      title={title}
      className={className}
      data-testid={testId ?? `deck-frame-${mode}`}
      onLoad={autoFocus ? (event) => event.currentTarget.focus() : undefined}
    />
  );
}
