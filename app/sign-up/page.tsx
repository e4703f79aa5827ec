import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import "@/components/auth/accounts.css";
import { safeReturnPath } from "@/core/return-path";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  // The form is only a convenience: the server's sign-up gate refuses whatever this page would not offer.
  const policy = await getServices().signUp.withoutInvitation();
  return (
    <main className="auth-page">
      <h1>Create a Podium account</h1>
      {policy.allowed ? (
        <>
          {policy.firstAdmin && <p className="muted">You are the first person here: your account will be this Podium&apos;s admin.</p>}
          <SignUpForm next={next} />
        </>
      ) : (
        <p className="notice" role="status" data-testid="sign-up-refused">
          {policy.message}
        </p>
      )}
      <p className="auth-alt">
        Have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  );
}
