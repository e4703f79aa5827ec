// The series UI's calls to the REST API (core/api/series.ts).
import { sendJson } from "@/components/auth/auth-request";
import type { PreparedCall, SeriesSettings, SeriesSummary } from "@/core/api/series";

export const seriesApi = {
  create: (settings: Partial<SeriesSettings>) => sendJson<SeriesSummary>("POST", "/api/series", settings),
  update: (id: string, change: Partial<SeriesSettings>) => sendJson<SeriesSummary>("PATCH", `/api/series/${id}`, change),
  prepareNextCall: (id: string) => sendJson<PreparedCall>("POST", `/api/series/${id}/next-call`),
};
