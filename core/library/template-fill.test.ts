import { describe, expect, it } from "vitest";
import { fillTemplate } from "./template-fill";

const now = new Date("2024-08-08T10:00:00Z");

describe("fillTemplate", () => {
  it("fills dates, date offsets and the author", () => {
    const filled = fillTemplate("# Community Call {{date}}\nNext: {{date:+7}}, last: {{ date:-1 }}\nby {{author}}", {
      now,
      author: "Ada",
    });
    expect(filled).toBe("# Community Call 2024-08-08\nNext: 2024-08-15, last: 2024-08-07\nby Ada");
  });

  it("names the series the deck is a call of, and the shipped one's outside a series", () => {
    expect(fillTemplate("# {{series}} {{date}}", { now, author: "", series: "SIG Ops Call" })).toBe("# SIG Ops Call 2024-08-08");
    expect(fillTemplate("# {{ series }}", { now, author: "" })).toBe("# Community Call");
  });

  it("crosses month and year boundaries", () => {
    expect(fillTemplate("{{date:+30}}", { now: new Date("2024-12-15T12:00:00Z"), author: "" })).toBe("2025-01-14");
  });

  it("uses the given time zone to decide what today is", () => {
    const lateEvening = new Date("2024-08-08T23:30:00Z");
    expect(fillTemplate("{{date}}", { now: lateEvening, author: "", timeZone: "Europe/Berlin" })).toBe("2024-08-09");
  });

  it("leaves unknown or malformed placeholders visible", () => {
    expect(fillTemplate("{{title}} {{date:+x}} {{author:+1}} {{series:+1}}", { now, author: "Ada" })).toBe("{{title}} {{date:+x}} {{author:+1}} {{series:+1}}");
  });
});
