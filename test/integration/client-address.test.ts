// One client address for every per-client limit (server/auth/client-address.ts): requests through
// a real HTTP server, their address derived as the app server derives it, then handed to
// better-auth's sign-in (rate limit) as Next.js would hand them. Behind a trusted proxy a client
// that writes its own X-Forwarded-For hops is still one client, for the sign-in limit as for the
// sync server's connection limit; without TRUST_PROXY the header is ignored.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { clientAddress, setClientAddress } from "../../server/auth/client-address";
import { createTestUser, TEST_PASSWORD, type TestUser } from "../support/auth";
import { createTestDatabase } from "../support/database";
import { startTestPodium } from "../support/podium";

const ORIGIN = "http://podium.test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;
let bob: TestUser;
let front: http.Server;
let trustProxy = true;
/** The address each request was given for the connection limit. */
const seen: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  podium = await startTestPodium(database.url, { SIGN_IN_ATTEMPTS: "3" });
  bob = await createTestUser(podium);
  // The app server's order: the address first, then the request goes on to better-auth.
  front = http.createServer((request, response) => {
    seen.push(clientAddress(request, trustProxy));
    setClientAddress(request, trustProxy);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
      podium.services.auth
        .handler(new Request(`${ORIGIN}${request.url}`, { method: request.method, headers, body: Buffer.concat(chunks) }))
        .then(async (answer) => {
          response.writeHead(answer.status);
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await podium?.stop();
  await database.drop();
});

async function signIn(forwardedFor: string, password = "wrong"): Promise<number> {
  const { port } = front.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: bob.user.email, password }),
  });
  return response.status;
}

it("behind a trusted proxy: the hop the proxy added, whatever hops the client wrote before it", async () => {
  trustProxy = true;
  seen.length = 0;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push(await signIn(`10.9.9.${i}, 203.0.113.7`));
  expect(seen).toEqual(["203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.7"]);
  // SIGN_IN_ATTEMPTS is 3: the fourth try of the same client is refused, new first hops or not.
  expect(statuses).toEqual([401, 401, 401, 429]);
  // Another client behind the same proxy is another address.
  expect(await signIn("10.9.9.0, 203.0.113.8", TEST_PASSWORD)).toBe(200);
  expect(seen.at(-1)).toBe("203.0.113.8");
});

it("without TRUST_PROXY: the socket's peer, the header ignored", async () => {
  trustProxy = false;
  seen.length = 0;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push(await signIn(`198.51.100.${i}`));
  expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  expect(statuses).toEqual([401, 401, 401, 429]);
});
