// A real smart-HTTP git server for tests: node's http server running `git http-backend` as CGI
// (GIT_PROJECT_ROOT, GIT_HTTP_EXPORT_ALL), with basic auth: `writeTokens` may fetch and push,
// `readTokens` may only fetch (the push service answers 403), anything else gets 401.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHttpServer {
  url: string;
  writeTokens: Set<string>;
  readTokens: Set<string>;
  /** Authorization headers seen, to check the token travelled only there. */
  requests: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function startGitHttpServer(projectRoot: string): Promise<GitHttpServer> {
  const writeTokens = new Set<string>();
  const readTokens = new Set<string>();
  const requests: { method: string; url: string }[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://git.test");
    requests.push({ method: request.method ?? "GET", url: url.pathname + url.search });
    const token = tokenOf(request.headers.authorization);
    const pushing = url.searchParams.get("service") === "git-receive-pack" || url.pathname.endsWith("/git-receive-pack");
    if (token === null || !(writeTokens.has(token) || readTokens.has(token))) {
      response.writeHead(401, { "www-authenticate": 'Basic realm="git"' }).end("unauthorized\n");
      return;
    }
    if (pushing && !writeTokens.has(token)) {
      response.writeHead(403).end("this token may not push\n");
      return;
    }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: "1",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: request.method ?? "GET",
      CONTENT_TYPE: request.headers["content-type"] ?? "",
      REMOTE_USER: "podium",
      REMOTE_ADDR: "127.0.0.1",
    };
    if (request.headers["content-encoding"]) env.HTTP_CONTENT_ENCODING = String(request.headers["content-encoding"]);
    if (request.headers["content-length"]) env.CONTENT_LENGTH = String(request.headers["content-length"]);
    if (request.headers["git-protocol"]) env.GIT_PROTOCOL = String(request.headers["git-protocol"]);
    const cgi = spawn("git", ["http-backend"], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "ignore"] });
    request.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const text = head.toString("latin1");
      const end = text.search(/\r?\n\r?\n/);
      if (end < 0) return;
      headersDone = true;
      const separator = /\r?\n\r?\n/.exec(text)!;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of text.slice(0, end).split(/\r?\n/)) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end + separator[0].length));
    });
    cgi.on("close", () => response.end());
    cgi.on("error", () => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writeTokens,
    readTokens,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function tokenOf(header: string | undefined): string | null {
  const match = /^Basic (.+)$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}
