import type { Metadata } from "next";
import Link from "next/link";
import { safeReturnPath } from "@/components/auth/return-path";
import { SignUpForm } from "@/components/auth/sign-up-form";
import "@/components/auth/accounts.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  return (
    <main className="auth-page">
      <h1>Create a Podium account</h1>
      <SignUpForm next={next} />
      <p className="auth-alt">
        Have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  );
}
