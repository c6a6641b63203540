import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { settleChanged, settlePlayer } from "@/lib/days/service";
import { afterPlayerWrite } from "@/lib/player/cache";

export type RolloverRun = {
  processed: number;
  settledDays: number;
  penaltiesOpened: number;
  /** Where the next call should resume, or null when every player was visited. */
  nextCursor: string | null;
};

/**
 * The cron backstop for the lazy rollover: visits players in id order, a batch at a time, until done or out of
 * time. Settling is idempotent per (player, day), so overlapping or repeated runs are harmless, and a run that
 * stops early resumes from `nextCursor`.
 */
export async function rolloverAll(options: {
  cursor?: string;
  batchSize: number;
  budgetMs: number;
}): Promise<RolloverRun> {
  const deadline = Date.now() + options.budgetMs;
  const run: RolloverRun = { processed: 0, settledDays: 0, penaltiesOpened: 0, nextCursor: options.cursor ?? null };
  for (;;) {
    const batch = await db.player.findMany({
      where: run.nextCursor ? { id: { gt: run.nextCursor } } : {},
      orderBy: { id: "asc" },
      take: options.batchSize,
      select: { id: true },
    });
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
