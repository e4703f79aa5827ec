import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { TokenManager } from "@/components/auth/token-manager";
import "@/components/auth/accounts.css";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function SettingsPage() {
  const { access, tokens } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") redirect("/sign-in?next=/settings");
  return (
    <main className="settings-page">
      <header className="library-header">
        <h1>API tokens</h1>
        <div className="library-actions">
          <Link href="/">All decks</Link>
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <TokenManager initialTokens={await tokens.list(actor.user.id)} />
    </main>
  );
}
