"use client";

import { useCallback, useEffect, useState } from "react";
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type EditorLayout } from "./layout-preference";

/** The remembered layout (read after hydration: localStorage exists only in the browser). */
export function useEditorLayout(): [EditorLayout, (layout: EditorLayout) => void] {
  const [layout, setLayout] = useState<EditorLayout>(DEFAULT_LAYOUT);
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setLayout(loadLayout()), []);
  const change = useCallback((next: EditorLayout) => {
    saveLayout(next);
    setLayout(next);
  }, []);
  return [layout, change];
}
