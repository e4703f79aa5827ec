/** A call's date ("Thu 18 Jul 2024"), the same in every time zone: it is a day, not a moment. */
export function CallDate({ date, className = "call-date" }: { date: string; className?: string }) {
  return (
    <time className={className} dateTime={date}>
      {formatCallDate(date)}
    </time>
  );
}

export function formatCallDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}
