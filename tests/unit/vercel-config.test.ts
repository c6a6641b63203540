// vercel.json must deploy on every Vercel plan: Hobby refuses a project whose cron runs more than once a day.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as {
  buildCommand?: string;
  crons?: { path: string; schedule: string }[];
};

/** At most once a day: the minute and the hour are each one fixed number (no `*`, list, range or step). */
function runsAtMostDaily(schedule: string): boolean {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const [minute = "", hour = ""] = fields;
  return /^\d{1,2}$/.test(minute) && Number(minute) < 60 && /^\d{1,2}$/.test(hour) && Number(hour) < 24;
}

describe("runsAtMostDaily", () => {
  it.each([
    ["15 4 * * *", true],
    ["0 0 * * 1", true],
    ["15 * * * *", false],
    ["*/5 * * * *", false],
    ["0 */6 * * *", false],
    ["0 1,13 * * *", false],
    ["0 1-2 * * *", false],
    ["60 4 * * *", false],
    ["0 4 * *", false],
  ])("%s → %s", (schedule, expected) => {
    expect(runsAtMostDaily(schedule)).toBe(expected);
  });
});

describe("vercel.json crons", () => {
  const crons = config.crons ?? [];

  it("schedule the tick, and only Hobby-valid (at most daily) schedules", () => {
    expect(crons.map((c) => c.path)).toContain("/api/cron/tick");
    for (const { schedule } of crons) expect(runsAtMostDaily(schedule), schedule).toBe(true);
  });

  it("point at route handlers that answer GET (what Vercel Cron sends)", () => {
    for (const cron of crons) {
      const file = path.join(root, "app", cron.path, "route.ts");
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/export const GET\b/);
    }
  });
});

describe("vercel.json build", () => {
  it("migrates the deployment's database first, then runs the project's build (Next, then the service worker)", () => {
    expect(config.buildCommand).toBe("prisma migrate deploy && npm run build");
  });
});
