// The hostile list: every form of "leave the site" we know of, each must come back as "/".
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const HOSTILE = [
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/%0a/evil.example",
  "/\r\n/evil.example",
  "/%0d%0a/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/%252F%252Fevil.example",
  "/%25252F/evil.example",
  "/%2509/evil.example",
  "https://evil.example",
  "http://evil.example/",
  "HTTPS://evil.example",
  "//evil.example@podium.test",
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  " /",
  "\u0000/evil",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/%E0%A4%A",
  `/${"a".repeat(3000)}`,
];

describe("safeReturnPath", () => {
  it.each(HOSTILE)("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("refuses what is not one string", () => {
    for (const value of [undefined, null, 42, {}, ["//evil.example"], [], { toString: () => "/d/abc" }]) {
      expect(safeReturnPath(value)).toBe("/");
    }
  });

  it.each([
    ["/", "/"],
    ["/d/abc123", "/d/abc123"],
    ["/d/abc123/slides?follow", "/d/abc123/slides?follow"],
    ["/settings#tokens", "/settings#tokens"],
    ["/?q=team%20ops&view=archived", "/?q=team%20ops&view=archived"],
    ["/d/abc/../admin", "/d/admin"],
  ])("keeps the local path %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it("takes the first of repeated parameters, as pages receive them", () => {
    expect(safeReturnPath(["/d/abc", "//evil.example"])).toBe("/d/abc");
  });

  it("every answer is a path a browser keeps on this origin", () => {
    for (const value of HOSTILE) {
      const result = safeReturnPath(value);
      expect(new URL(result, "https://podium.test").origin).toBe("https://podium.test");
    }
  });
});
