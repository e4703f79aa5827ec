// Sign-ups through better-auth's real handler, as the sign-up form sends them, with an invitation
// cookie when given (as the invite page sets it); and requests to our route handlers by cookie.
import type { PodiumServer } from "../../server/podium";
import { TEST_PASSWORD } from "./auth";

export const TEST_ORIGIN = "http://podium.test";

export interface SignUpResult {
  status: number;
  /** The error's message when refused. */
  message: string | null;
  /** The session's Cookie header when it worked. */
  cookie: string | null;
}

export async function signUpByEmail(podium: PodiumServer, email: string, options: { invitation?: string; name?: string } = {}): Promise<SignUpResult> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: TEST_ORIGIN };
  if (options.invitation) headers.cookie = `podium_invitation=${encodeURIComponent(options.invitation)}`;
  const response = await podium.services.auth.handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password: TEST_PASSWORD, name: options.name ?? email.split("@")[0] }),
    }),
  );
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  const cookie = response.ok ? response.headers.getSetCookie().map((value) => value.split(";", 1)[0]!).join("; ") : null;
  return { status: response.status, message: response.ok ? null : (body?.message ?? null), cookie };
}

/** A request to a route handler as the browser sends it: session cookie and our own origin. */
export function asBrowser(cookie: string, path: string, init: { method?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = { cookie, origin: TEST_ORIGIN };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The token part of an invitation's path (/invite/<token>). */
export function tokenOf(path: string): string {
  return path.slice("/invite/".length);
}
