import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDuration,
  type DurationUnit,
  formatDuration,
  isLongerThan,
  parseDuration,
  THIRTEEN_MONTHS,
} from "./duration.ts";

describe("durations", () => {
  it.each([
    ["13 months", { amount: 13, unit: "month" }],
    ["1 year", { amount: 1, unit: "year" }],
    ["2 Years", { amount: 2, unit: "year" }],
    ["30 days", { amount: 30, unit: "day" }],
    ["90 days", { amount: 90, unit: "day" }],
    ["15 minutes", { amount: 15, unit: "minute" }],
    ["24 hours", { amount: 24, unit: "hour" }],
    ["2 weeks", { amount: 2, unit: "week" }],
    ["13 mois", { amount: 13, unit: "month" }],
    ["1 an", { amount: 1, unit: "year" }],
    ["2 ans", { amount: 2, unit: "year" }],
    ["30 jours", { amount: 30, unit: "day" }],
    ["24 heures", { amount: 24, unit: "hour" }],
    ["  6   months ", { amount: 6, unit: "month" }],
    ["session", "session"],
    ["Session", "session"],
    ["fin de session", "session"],
  ])("parses %j", (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    "",
    "two years",
    "0 days",
    "-1 days",
    "1.5 years",
    "12 fortnights",
    "2 years ago",
    "Persistent",
    "99999 days",
  ])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("formats in English and French", () => {
    expect(formatDuration({ amount: 1, unit: "year" }, "en")).toBe("1 year");
    expect(formatDuration({ amount: 2, unit: "year" }, "en")).toBe("2 years");
    expect(formatDuration({ amount: 1, unit: "year" }, "fr")).toBe("1 an");
    expect(formatDuration({ amount: 2, unit: "year" }, "fr")).toBe("2 ans");
    expect(formatDuration({ amount: 13, unit: "month" }, "fr")).toBe("13 mois");
    expect(formatDuration({ amount: 1, unit: "month" }, "en")).toBe("1 month");
    expect(formatDuration({ amount: 30, unit: "day" }, "fr")).toBe("30 jours");
    expect(formatDuration("session", "en")).toBe("end of session");
    expect(formatDuration("session", "fr")).toBe("fin de session");
  });

  it("parses back what it formats, in both languages", () => {
    const units: DurationUnit[] = ["minute", "hour", "day", "week", "month", "year"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(...units),
        fc.constantFrom("en", "fr"),
        (amount, unit, language) => {
          expect(parseDuration(formatDuration({ amount, unit }, language as "en" | "fr"))).toEqual({
            amount,
            unit,
          });
        },
      ),
    );
  });

  it("compares against 13 months", () => {
    expect(isLongerThan({ amount: 13, unit: "month" }, THIRTEEN_MONTHS)).toBe(false);
    expect(isLongerThan({ amount: 14, unit: "month" }, THIRTEEN_MONTHS)).toBe(true);
    expect(isLongerThan({ amount: 1, unit: "year" }, THIRTEEN_MONTHS)).toBe(false);
    expect(isLongerThan({ amount: 395, unit: "day" }, THIRTEEN_MONTHS)).toBe(false);
    expect(isLongerThan({ amount: 396, unit: "day" }, THIRTEEN_MONTHS)).toBe(true);
    expect(isLongerThan({ amount: 2, unit: "year" }, THIRTEEN_MONTHS)).toBe(true);
    expect(isLongerThan("session", THIRTEEN_MONTHS)).toBe(false);
  });

  it("adds months on the calendar, clamping to the month's last day", () => {
    const from = new Date("2026-08-31T12:00:00Z");
    expect(addDuration(from, { amount: 6, unit: "month" }).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(addDuration(new Date("2027-08-31T00:00:00Z"), { amount: 6, unit: "month" }).toISOString()).toBe(
      "2028-02-29T00:00:00.000Z",
    );
    expect(addDuration(new Date("2026-01-15T08:30:00Z"), { amount: 6, unit: "month" }).toISOString()).toBe(
      "2026-07-15T08:30:00.000Z",
    );
    expect(addDuration(new Date("2028-02-29T00:00:00Z"), { amount: 1, unit: "year" }).toISOString()).toBe(
      "2029-02-28T00:00:00.000Z",
    );
    expect(addDuration(from, { amount: 30, unit: "day" }).toISOString()).toBe("2026-09-30T12:00:00.000Z");
  });
});
