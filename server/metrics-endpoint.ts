// Who may read /metrics. The numbers say how busy the instance is and which decks are open, so
// they are not public: on the app port they need "Authorization: Bearer <METRICS_TOKEN>", and
// METRICS_PORT serves them on a listener of their own (for a scraper on a private network). With
// neither, the app port answers 404, as for any unknown path.
import { timingSafeEqual, createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./log";
import type { PodiumMetrics } from "./metrics";

export interface MetricsEndpointSettings {
  token: string | undefined;
  port: number | undefined;
  host: string;
}

export class MetricsEndpoint {
  private own: http.Server | null = null;

  constructor(
    private readonly metrics: PodiumMetrics,
    private readonly settings: MetricsEndpointSettings,
    private readonly log: Logger,
  ) {}

  /** Answers GET /metrics on the app port when that is what was asked; false for any other request. */
  handleAppRequest(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    if (request.method !== "GET" || request.url?.split("?", 1)[0] !== "/metrics") return false;
    const token = this.settings.token;
    if (!token) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"not_found","message":"Not found"}}');
      return true;
    }
    if (!bearerMatches(request.headers.authorization, token)) {
      response
        .writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' })
        .end('{"error":{"code":"unauthorized","message":"Send the metrics token as \\"Authorization: Bearer <METRICS_TOKEN>\\"."}}');
      return true;
    }
    this.serve(response);
    return true;
  }

  /** Starts the metrics-only listener when METRICS_PORT is set; resolves to its port (or null). */
  async listen(): Promise<number | null> {
    if (this.settings.port === undefined) return null;
    const server = http.createServer((request, response) => {
      if (request.method === "GET" && request.url?.split("?", 1)[0] === "/metrics") this.serve(response);
      else response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.settings.port, this.settings.host, () => resolve());
    });
    this.own = server;
    const port = (server.address() as AddressInfo).port;
    this.log.info({ port, host: this.settings.host }, "metrics listening");
    return port;
  }

  async close(): Promise<void> {
    const server = this.own;
    this.own = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(response: http.ServerResponse): void {
    this.metrics.text().then(
      (text) => response.writeHead(200, { "content-type": this.metrics.contentType, "cache-control": "no-store" }).end(text),
      (error: unknown) => {
        this.log.error({ err: error }, "metrics collection failed");
        response.writeHead(500, { "content-type": "text/plain" }).end("metrics collection failed\n");
      },
    );
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  // Equal-length digests, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
