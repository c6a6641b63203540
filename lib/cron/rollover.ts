import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { settleChanged, settlePlayer } from "@/lib/days/service";
import { afterPlayerWrite } from "@/lib/player/cache";
import { addDays, dayEndInstant, localDay } from "@/lib/time/rules";

export type RolloverRun = {
  processed: number;
  settledDays: number;
  penaltiesOpened: number;
  /** Where the next call should resume, or null when every player was visited. */
  nextCursor: string | null;
};

/** A clock setting the Hunters share: every Hunter of it ended the same day at the same instant. */
type Zone = { timeZone: string; dayStartMinute: number };

/**
 * The clock settings in use, one index probe each (a loose index scan on (timeZone, dayStartMinute, …)): the cost
 * grows with the number of zones, not of Hunters.
 */
export function zonesInUse(): Promise<Zone[]> {
  return db.$queryRaw<Zone[]>`
    WITH RECURSIVE z AS (
      (SELECT "timeZone", "dayStartMinute" FROM "Player" ORDER BY 1, 2 LIMIT 1)
      UNION ALL
      SELECT n."timeZone", n."dayStartMinute" FROM z, LATERAL (
        SELECT p."timeZone", p."dayStartMinute" FROM "Player" p
         WHERE (p."timeZone", p."dayStartMinute") > (z."timeZone", z."dayStartMinute")
         ORDER BY 1, 2 LIMIT 1) n
    )
    SELECT "timeZone", "dayStartMinute" FROM z`;
}

/**
 * The next `batch` Hunters after `cursor` (id order) who may have something to settle at `at`: a day of theirs that
 * ended and is not settled (per zone: last settled before its yesterday, or never settled and created before its
 * today), an open Survival Quest past its deadline, or a test clock of their own (it runs ahead of `at`). Read
 * through indexes only: Hunters with nothing due cost nothing. settlePlayer decides the rest (a day still in its
 * grace window stays for a later run).
 */
export function dueAfter(cursor: string, batch: number, zones: Zone[], at: Date): Promise<{ id: string }[]> {
  const days = zones.map((zone) => {
    const today = localDay(at, zone);
    return {
      yesterday: addDays(today, -1),
      start: dayEndInstant(addDays(today, -1), zone.timeZone, zone.dayStartMinute),
    };
  });
  return db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT d.id FROM unnest(${zones.map((z) => z.timeZone)}::text[], ${zones.map((z) => z.dayStartMinute)}::int[],
                              ${days.map((d) => d.yesterday)}::text[], ${days.map((d) => d.start)}::timestamptz[])
                       AS z(tz, minute, yesterday, start)
      CROSS JOIN LATERAL (
        SELECT p.id FROM "Player" p
         WHERE p."timeZone" = z.tz AND p."dayStartMinute" = z.minute AND p.id > ${cursor}
           AND (p."lastSettledDay" < z.yesterday OR (p."lastSettledDay" IS NULL AND p."createdAt" < z.start))
         ORDER BY p.id LIMIT ${batch}) d
      UNION
      SELECT "playerId" FROM "Penalty" WHERE "status" = 'OPEN' AND "deadline" <= ${at} AND "playerId" > ${cursor}
      UNION
      SELECT "playerId" FROM "TestClock" WHERE "playerId" > ${cursor}
    ) due
    ORDER BY id LIMIT ${batch}`;
}

/**
 * The cron backstop for the lazy rollover: visits the Hunters with something due (dueAfter), in id order, a batch at
 * a time, until done or out of time. Settling is idempotent per (player, day), so overlapping or repeated runs are
 * harmless, and a run that stops early resumes from `nextCursor`.
 */
export async function rolloverAll(options: {
  cursor?: string;
  batchSize: number;
  budgetMs: number;
}): Promise<RolloverRun> {
  const deadline = Date.now() + options.budgetMs;
  const run: RolloverRun = { processed: 0, settledDays: 0, penaltiesOpened: 0, nextCursor: options.cursor ?? null };
  const startedAt = await now();
  const zones = await zonesInUse();
  for (;;) {
    const batch = await dueAfter(run.nextCursor ?? "", options.batchSize, zones, startedAt);
    for (const { id } of batch) {
      const at = await now(id);
      const result = await settlePlayer(id, at);
      if (settleChanged(result)) await afterPlayerWrite(id, at);
      run.processed += 1;
      run.settledDays += result.settledDays;
      run.penaltiesOpened += result.penaltyOpened ? 1 : 0;
      run.nextCursor = id;
    }
    if (batch.length < options.batchSize) return { ...run, nextCursor: null };
    if (Date.now() >= deadline) return run;
  }
}
