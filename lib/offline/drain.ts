import { inSendOrder, verdictFor, type PendingCheckIn } from "@/lib/offline/rules";

/** What the System awarded a synced check-in: reported like a live one. */
export type SyncedAward = { xp: number; held: boolean; levelUp: { from: number; to: number } | null };

/** One attempt to send a check-in: the HTTP status (and Retry-After, in seconds), or null when the network failed. */
export type SendResult = { status: number; message?: string; award?: SyncedAward; retryAfter?: number } | null;

export type DrainPorts = {
  list: () => Promise<PendingCheckIn[]>;
  remove: (idempotencyKey: string) => Promise<void>;
  send: (item: PendingCheckIn) => Promise<SendResult>;
};

export type DrainReport = {
  sent: (PendingCheckIn & { award?: SyncedAward })[];
  refused: { item: PendingCheckIn; status: number; message?: string }[];
  /** Still queued after this pass. */
  kept: number;
  /** When the server said when to come back (503 while its database is away, 429): the longest wait it asked for. */
  retryAfter?: number;
};

/**
 * Sends every queued check-in once, oldest first. An item leaves the queue only after the server answered 2xx or
 * refused it for good; a network error or a 401/429 stops the pass and keeps everything not yet answered.
 */
export async function drainQueue({ list, remove, send }: DrainPorts): Promise<DrainReport> {
  const items = inSendOrder(await list());
  const report: DrainReport = { sent: [], refused: [], kept: 0 };
  for (const [index, item] of items.entries()) {
    const result = await send(item);
    const verdict = result === null ? "stop" : verdictFor(result.status);
    if (verdict !== "sent" && verdict !== "refused" && result?.retryAfter) {
      report.retryAfter = Math.max(report.retryAfter ?? 0, result.retryAfter);
    }
    if (verdict === "stop") {
      report.kept += items.length - index;
      break;
    }
    if (verdict === "retry") {
      report.kept += 1;
      continue;
    }
    await remove(item.idempotencyKey);
    if (verdict === "sent") report.sent.push({ ...item, award: result?.award });
    else if (result) report.refused.push({ item, status: result.status, message: result.message });
  }
  return report;
}
