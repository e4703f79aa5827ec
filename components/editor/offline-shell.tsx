"use client";

import { useEffect } from "react";

/**
 * Registers public/sw.js, which keeps a copy of this page and its scripts so that a reload while
 * offline still opens the editor on the edits kept in IndexedDB.
 */
export function OfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const loadedWithoutWorker = !navigator.serviceWorker.controller;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (!loadedWithoutWorker) return;
        // This load bypassed the worker: hand it the page and the scripts it used to keep.
        const assets = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith("/_next/static/"));
        registration.active?.postMessage({ type: "keep-shell", urls: [location.pathname, ...assets] });
      })
      .catch((error: unknown) => {
        // Without it the editor still works online and keeps offline edits; only offline reloads fail.
        console.warn("Podium could not install its offline support", error);
      });
  }, []);
  return null;
}
