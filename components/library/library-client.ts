// The library's calls to the REST API (docs/api.md), for the library components.
import { sendJson } from "@/components/auth/auth-request";
import type { CreatedDeck, CreateDeckRequest, UpdateDeckRequest } from "@/core/api/decks";
import type { LibraryPage, LibraryQuery, TemplateInfo, TemplateList } from "@/core/api/library";

export type { TemplateInfo };

export function libraryUrl(query: LibraryQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "" && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/api/decks?${text}` : "/api/decks";
}

export const libraryApi = {
  list: (query: LibraryQuery) => sendJson<LibraryPage>("GET", libraryUrl(query)),
  templates: () => sendJson<TemplateList>("GET", "/api/templates"),
  create: (body: CreateDeckRequest) => sendJson<CreatedDeck>("POST", "/api/decks", body),
  duplicate: (id: string) => sendJson<CreatedDeck>("POST", `/api/decks/${id}/duplicate`),
  update: (id: string, change: UpdateDeckRequest) => sendJson("PATCH", `/api/decks/${id}`, change),
  trash: (id: string) => sendJson("DELETE", `/api/decks/${id}`),
  restore: (id: string) => sendJson("POST", `/api/decks/${id}/restore`),
  archive: (id: string) => sendJson("POST", `/api/decks/${id}/archive`),
  unarchive: (id: string) => sendJson("DELETE", `/api/decks/${id}/archive`),
};
