"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Viewer } from "@/core/access";
import { sendJson } from "./auth-request";
import "./accounts.css";

/** Who I am, with my settings, the admin page (admins) and sign-out; for guests, a sign-in link. */
export function AccountMenu({ viewer, returnTo = "/" }: { viewer: Viewer | null; returnTo?: string }) {
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  if (!viewer) {
    return (
      <Link className="button secondary" href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>
        Sign in
      </Link>
    );
  }

  async function signOut() {
    try {
      await sendJson("POST", "/api/auth/sign-out", {});
      router.replace("/sign-in");
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not sign out.");
    }
  }

  return (
    <details className="account-menu" data-testid="account-menu">
      <summary aria-label={`Account: ${viewer.name}`}>{viewer.name}</summary>
      <div className="account-menu-panel">
        <span className="who">
          {viewer.email}
          {viewer.role === "admin" && " · admin"}
        </span>
        <Link href="/sections">My sections</Link>
        <Link href="/settings">API tokens</Link>
        {viewer.role === "admin" && <Link href="/admin">Users (admin)</Link>}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
        {error && <span className="error-text">{error}</span>}
      </div>
    </details>
  );
}
