import { describe, expect, it } from "vitest";
import { libraryPageHref, libraryQueryFromUrl, showsSeriesGrouped } from "./library-url";

describe("the library's state in its URL", () => {
  it("round-trips search, tag, owner, sort, view and page", () => {
    const query = { q: "release notes", tag: "community-call", owner: "u1", sort: "title" as const, view: "archived" as const, page: 3 };
    const href = libraryPageHref(query);
    expect(href).toBe("/?q=release+notes&tag=community-call&owner=u1&sort=title&view=archived&page=3");
    expect(libraryQueryFromUrl(new URL(href, "http://x").searchParams)).toEqual(query);
    expect(libraryPageHref({})).toBe("/");
    expect(libraryPageHref({ page: 1, view: "active" })).toBe("/");
  });

  it("drops bad values instead of failing", () => {
    const params = new URLSearchParams({ sort: "sideways", view: "secret", page: "-2", q: "x".repeat(501), tag: "ok" });
    expect(libraryQueryFromUrl(params)).toEqual({ tag: "ok" });
    expect(libraryQueryFromUrl(new URLSearchParams("page=abc"))).toEqual({});
  });

  it("groups series only in the plain library", () => {
    expect(showsSeriesGrouped({})).toBe(true);
    expect(showsSeriesGrouped({ sort: "title", page: 2 })).toBe(true);
    expect(showsSeriesGrouped({ q: "call" })).toBe(false);
    expect(showsSeriesGrouped({ tag: "a" })).toBe(false);
    expect(showsSeriesGrouped({ view: "archived" })).toBe(false);
  });
});
