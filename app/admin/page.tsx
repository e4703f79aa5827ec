import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { InvitationPanel } from "@/components/admin/invitation-panel";
import { PublishingPanel } from "@/components/admin/publishing-panel";
import { UserTable } from "@/components/admin/user-table";
import { AccountMenu } from "@/components/auth/account-menu";
import { pageActor } from "@/server/access/page-access";
import { describeSignUp } from "@/server/auth/sign-up-policy";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function AdminPage() {
  const { access, accounts, invitations, signUp, publicUrl } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") redirect("/sign-in?next=/admin");
  // Members learn nothing about the admin page, not even that it exists.
  if (actor.user.role !== "admin") notFound();
  return (
    <main className="settings-page">
      <header className="library-header">
        <h1>Users</h1>
        <div className="library-actions">
          <Link href="/">All decks</Link>
          <Link href="/admin/archive">Archive</Link>
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <p className="muted">Disabling an account signs it out everywhere, closes its open editors and stops its API tokens.</p>
      <UserTable initialUsers={await accounts.list()} myId={actor.user.id} />
      <InvitationPanel policy={describeSignUp(signUp.settings)} initialInvitations={await invitations.list()} origin={publicUrl} />
      <PublishingPanel initialState={await getServices().publishing.state()} />
    </main>
  );
}
