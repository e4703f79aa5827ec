import { WEEKDAY_NAMES, type SeriesSettings } from "@/core/api/series";

/** "Weekly on Thursday, 15:05 (Europe/Berlin), 60 min" */
export function cadenceLabel(series: Pick<SeriesSettings, "cadenceDays" | "weekday" | "startTime" | "timeZone" | "durationMinutes">): string {
  const every = series.cadenceDays === 7 ? "Weekly" : series.cadenceDays === 14 ? "Every two weeks" : series.cadenceDays === 1 ? "Daily" : `Every ${series.cadenceDays} days`;
  const day = series.weekday === null ? "" : ` on ${WEEKDAY_NAMES[series.weekday]}`;
  const time = series.startTime ? `, ${series.startTime} (${series.timeZone})` : "";
  return `${every}${day}${time}, ${series.durationMinutes} min`;
}
