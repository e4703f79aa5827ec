import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ArchivePanel } from "@/components/admin/archive-panel";
import { AccountMenu } from "@/components/auth/account-menu";
import "@/components/auth/accounts.css";
import "@/components/library/library.css";
import { libraryCapability } from "@/server/access/deck-access";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Archive" };

export default async function ArchiveAdminPage() {
  const { access, libraryQuery } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") redirect("/sign-in?next=/admin/archive");
  if (!libraryCapability(actor, "archive")) notFound();
  const archived = await libraryQuery.list(actor, { view: "archived", pageSize: 1 });
  return (
    <main className="settings-page">
      <header className="library-header">
        <h1>Archive</h1>
        <div className="library-actions">
          <Link href="/">All decks</Link>
          <Link href="/admin">Users</Link>
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <ArchivePanel archivedCount={archived.total} />
    </main>
  );
}
