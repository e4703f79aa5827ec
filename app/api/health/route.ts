import type { Health } from "@/core/api/health";
import { handleApi } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2_000;

/** Its own body, not the error shape: load balancers read {"status"}. */
export function GET(): Promise<Response> {
  return handleApi(async () => {
    try {
      const { prisma } = getServices();
      await Promise.race([
        prisma.$queryRaw`SELECT 1`,
        new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS)),
      ]);
      return Response.json({ status: "ok" } satisfies Health, { headers: { "cache-control": "no-store" } });
    } catch {
      return Response.json({ status: "unavailable" } satisfies Health, { status: 503, headers: { "cache-control": "no-store" } });
    }
  });
}
