// Accounts for tests, made through the real services: users with an API token, and cookie sessions
// signed in through better-auth's real handler.
import type { Viewer } from "../../core/access";
import type { PodiumServer } from "../../server/podium";

export const TEST_PASSWORD = "correct horse battery";

export interface TestUser {
  user: Viewer;
  token: string;
  /** Authorization: Bearer <token> */
  headers: { authorization: string };
}

let counter = 0;

export async function createTestUser(podium: PodiumServer, options: { name?: string; email?: string; admin?: boolean } = {}): Promise<TestUser> {
  counter++;
  const email = options.email ?? `user${counter}-${Date.now().toString(36)}@podium.test`;
  const user = await podium.services.accounts.createLocalUser({
    email,
    password: TEST_PASSWORD,
    name: options.name ?? `User ${counter}`,
    role: options.admin ? "admin" : "member",
  });
  const { token } = await podium.services.tokens.create(user.id, "tests");
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}

/** Signs in by email and password through /api/auth; returns the Cookie header to send. */
export async function signIn(podium: PodiumServer, baseUrl: string, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await podium.services.auth.handler(
    new Request(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";", 1)[0]!);
  return cookies.join("; ");
}
