import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { modelConfigured } from "@/lib/insights/openai";
import { prepareReport, type PreparedReport } from "@/lib/insights/service";

/** Reports prepared at once: each may wait up to AI_TIMEOUT_MS on the model. */
export const REPORT_CONCURRENCY = 4;
const BATCH_SIZE = 40;
/** A Hunter whose report failed to prepare is tried again this much later, not at every tick. */
const RETRY_AFTER_MS = 3_600_000;

export type ReportRun = Record<PreparedReport | "failed", number> & {
  /** True when the time ran out with Hunters still waiting: the next tick continues. */
  more: boolean;
};

/**
 * The tick's weekly reports: Hunters who opted in and whose next report is due (Player.nextReportAt), a batch at a
 * time, REPORT_CONCURRENCY at once, until none is left or `budgetMs` has passed (work under way finishes first).
 * Idempotent: one stored report per (Hunter, week), and a report whose facts did not change costs no request.
 */
export async function prepareWeeklyReports(options: { budgetMs: number }): Promise<ReportRun> {
  const run: ReportRun = { openai: 0, builtin: 0, unchanged: 0, none: 0, failed: 0, more: false };
  if (!modelConfigured()) return run;
  const deadline = Date.now() + options.budgetMs;
  while (Date.now() < deadline) {
    const due = await db.player.findMany({
      where: { aiOptIn: true, OR: [{ nextReportAt: null }, { nextReportAt: { lte: new Date() } }] },
      orderBy: { nextReportAt: { sort: "asc", nulls: "first" } },
      take: BATCH_SIZE,
      select: { id: true },
    });
    if (due.length === 0) return run;
    for (let i = 0; i < due.length; i += REPORT_CONCURRENCY) {
      if (Date.now() >= deadline) return { ...run, more: true };
      await Promise.all(
        due.slice(i, i + REPORT_CONCURRENCY).map(async ({ id }) => {
          try {
            run[await prepareReport(id, await now(id))] += 1;
          } catch (error) {
            run.failed += 1;
            console.error("[insights] a weekly report could not be prepared", error);
            await db.player.update({ where: { id }, data: { nextReportAt: new Date(Date.now() + RETRY_AFTER_MS) } });
          }
        }),
      );
    }
  }
  return { ...run, more: true };
}
