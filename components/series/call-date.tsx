/** A call's date ("Thu 18 Jul 2024"), the same in every time zone: it is a day, not a moment. */
export function CallDate({ date, className = "call-date" }: { date: string; className?: string }) {
  return (
    <time className={className} dateTime={date}>
      {formatCallDate(date)}
    </time>
  );
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Spelled out by hand, not by Intl: server (Node) and browser would punctuate it differently. */
export function formatCallDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
