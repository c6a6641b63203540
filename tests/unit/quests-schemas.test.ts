import { describe, expect, it } from "vitest";
import { scheduleSchema } from "@/lib/quests/schemas";

describe("scheduleSchema", () => {
  it.each([
    { type: "EVERY_DAY" },
    { type: "WEEKDAYS", days: [1, 3, 5] },
    { type: "WEEKDAYS", days: [7, 1, 2, 3, 4, 5, 6] },
    { type: "EVERY_N_DAYS", n: 2, anchor: "2026-11-26" },
    { type: "EVERY_N_DAYS", n: 365, anchor: "2028-02-29" },
    { type: "TIMES_PER_WEEK", n: 1 },
    { type: "TIMES_PER_WEEK", n: 6 },
  ])("accepts %j", (schedule) => {
    expect(scheduleSchema.parse(schedule)).toEqual(schedule);
  });

  it.each([
    [{ type: "EVERY_DAY", days: [1] }, "unknown keys"],
    [{ type: "WEEKDAYS", days: [] }, "no weekday"],
    [{ type: "WEEKDAYS", days: [1, 1] }, "a repeated weekday"],
    [{ type: "WEEKDAYS", days: [0] }, "weekday 0"],
    [{ type: "WEEKDAYS", days: [8] }, "weekday 8"],
    [{ type: "WEEKDAYS", days: [1.5] }, "a fractional weekday"],
    [{ type: "EVERY_N_DAYS", n: 1, anchor: "2026-11-26" }, "every 1 day"],
    [{ type: "EVERY_N_DAYS", n: 366, anchor: "2026-11-26" }, "every 366 days"],
    [{ type: "EVERY_N_DAYS", n: 3, anchor: "2026-02-30" }, "an impossible anchor"],
    [{ type: "EVERY_N_DAYS", n: 3 }, "a missing anchor"],
    [{ type: "TIMES_PER_WEEK", n: 0 }, "0 per week"],
    [{ type: "TIMES_PER_WEEK", n: 7 }, "7 per week"],
    [{ type: "MONTHLY" }, "an unknown type"],
    ["EVERY_DAY", "a bare string"],
  ] as Array<[unknown, string]>)("rejects %j (%s)", (schedule) => {
    expect(scheduleSchema.safeParse(schedule).success).toBe(false);
  });
});
