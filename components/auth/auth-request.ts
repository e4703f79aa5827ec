// fetch for the account UI: JSON in and out, and the server's error message (or better-auth's) as
// the thrown Error's message, so forms can show it as is.

export async function sendJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as { error?: { message?: string }; message?: string } | null;
  if (!response.ok) {
    if (response.status === 429) throw new Error("Too many attempts. Wait a few minutes, then try again.");
    throw new Error(payload?.error?.message ?? payload?.message ?? `The server answered ${response.status}.`);
  }
  return payload as T;
}
