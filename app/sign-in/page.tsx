import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import "@/components/auth/accounts.css";
import { safeReturnPath } from "@/core/return-path";
import { pageActor } from "@/server/access/page-access";
import { signInErrorMessage } from "@/server/auth/sign-up-policy";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  const { access, oidcName } = getServices();
  if ((await pageActor(access, await headers())).kind === "user") redirect(next);
  // The OIDC callback sends refusals (sign-up policy, unlinked account) back here as ?error=code.
  const error = signInErrorMessage(Array.isArray(params.error) ? params.error[0] : params.error);
  return (
    <main className="auth-page">
      <h1>Sign in to Podium</h1>
      <SignInForm next={next} oidcName={oidcName} initialError={error} />
      <p className="auth-alt">
        No account yet? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create one</Link>
      </p>
    </main>
  );
}
