// The machine a benchmark ran on, for docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export function describeMachine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const memory = execFileSync("free", ["-h"], { encoding: "utf8" }).split("\n")[1]?.trim().split(/\s+/)[1] ?? "?";
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${memory} RAM (free -h), Node ${process.version}, ${os.type()} ${os.release()}`;
}

/** Quantile of a Prometheus histogram, from its cumulative buckets (upper bound of the bucket). */
export function histogramQuantile(metricsText: string, name: string, q: number): number {
  const buckets = [...metricsText.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, "gm"))].map((m) => ({
    le: m[1] === "+Inf" ? Number.POSITIVE_INFINITY : Number(m[1]),
    count: Number(m[2]),
  }));
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  return buckets.find((bucket) => bucket.count >= q * total)!.le;
}
