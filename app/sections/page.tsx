import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { MySectionsList } from "@/components/sections/my-sections-list";
import "@/components/auth/accounts.css";
import { pageActor } from "@/server/access/page-access";
import { mySections } from "@/server/sections/my-sections";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My sections" };

export default async function MySectionsPage() {
  const { access, prisma } = getServices();
  const actor = await pageActor(access, await headers());
  if (actor.kind === "guest") redirect("/sign-in?next=/sections");
  return (
    <main className="settings-page">
      <header className="library-header">
        <h1>My sections</h1>
        <div className="library-actions">
          <Link href="/">All decks</Link>
          <AccountMenu viewer={actor.user} />
        </div>
      </header>
      <MySectionsList sections={await mySections(prisma, actor)} />
    </main>
  );
}
