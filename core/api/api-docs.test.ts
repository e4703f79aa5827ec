// docs/api.md is the contract's page for people: it must name every route handler on disk with
// each method it exports (and nothing else), and its error table must be core/api/errors.ts's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "./errors";

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const docs = readFileSync(path.join(root, "docs/api.md"), "utf8");
const httpSection = docs.slice(docs.indexOf("\n## Errors"), docs.indexOf("\n## WebSocket"));

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(child);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [child] : [];
  });
}

/** app/api/decks/[id]/route.ts → /api/decks/<id>; [...all] → *; (group) folders vanish. */
function urlPath(file: string): string {
  const segments = path.dirname(file).split("/").slice(1);
  return (
    "/" +
    segments
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => segment.replace(/^\[\.\.\.[^\]]+\]$/, "*").replace(/^\[([^\]]+)\]$/, "<$1>"))
      .join("/")
  );
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(match[1]!);
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of list[1]!.split(",")) found.add(name.trim().split(/\s+as\s+/).pop()!);
  }
  return [...found].filter((name) => METHODS.includes(name));
}

const onDisk = [...routeFiles("app/api"), ...routeFiles("app/media")]
  .flatMap((file) => exportedMethods(readFileSync(path.join(root, file), "utf8")).map((method) => `${method} ${urlPath(file)}`))
  .sort();

const headings = [...httpSection.matchAll(/^### `([A-Z]+) (\/[^`\s?]*)[^`]*`/gm)];
const documented = headings.map((match) => `${match[1]} ${match[2]}`);

describe("docs/api.md", () => {
  it("finds the route handlers on disk (the scan itself works)", () => {
    expect(onDisk).toContain("GET /api/decks/<id>");
    expect(onDisk).toContain("POST /api/auth/*");
    expect(onDisk).toContain("GET /media/<file>");
  });

  it("documents every route and method on disk, and nothing that is not there", () => {
    expect({ undocumented: onDisk.filter((route) => !documented.includes(route)) }).toEqual({ undocumented: [] });
    expect({ documentedButMissing: documented.filter((route) => !onDisk.includes(route)) }).toEqual({ documentedButMissing: [] });
    expect({ documentedTwice: documented.filter((route, index) => documented.indexOf(route) !== index) }).toEqual({ documentedTwice: [] });
  });

  it("says for each route what it answers", () => {
    headings.forEach((heading, index) => {
      const end = headings[index + 1]?.index ?? httpSection.length;
      const body = httpSection.slice(heading.index + heading[0].length, end);
      expect({ route: heading[0], answers: /`[1-5]\d\d\b/.test(body) }).toEqual({ route: heading[0], answers: true });
    });
  });

  it("has the error table of core/api/errors.ts", () => {
    const table = docs.slice(docs.indexOf("\n## Errors"), docs.indexOf("\n## HTTP"));
    const rows = Object.fromEntries([...table.matchAll(/^\| (\d{3}) \| `([a-z_]+)` \|/gm)].map((row) => [row[2]!, Number(row[1])]));
    expect(rows).toEqual(ERROR_STATUS);
  });

  it("gives every error it names the status the table gives its code", () => {
    const named = [...httpSection.matchAll(/`(\d{3}) ([a-z_]+)`/g)];
    expect(named.length).toBeGreaterThan(40);
    for (const [text, status, code] of named) {
      expect({ text, status: (ERROR_STATUS as Record<string, number>)[code!] }).toEqual({ text, status: Number(status) });
    }
  });
});
