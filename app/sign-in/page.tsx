import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/components/auth/return-path";
import { SignInForm } from "@/components/auth/sign-in-form";
import "@/components/auth/accounts.css";
import { pageActor } from "@/server/access/page-access";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  const { access, oidcName } = getServices();
  if ((await pageActor(access, await headers())).kind === "user") redirect(next);
  return (
    <main className="auth-page">
      <h1>Sign in to Podium</h1>
      <SignInForm next={next} oidcName={oidcName} />
      <p className="auth-alt">
        No account yet? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create one</Link>
      </p>
    </main>
  );
}
