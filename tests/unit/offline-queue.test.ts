import { describe, expect, it } from "vitest";
import { drainQueue, type SendResult } from "@/lib/offline/drain";
import {
  inSendOrder,
  pendingCountByQuest,
  syncReportText,
  syncStateText,
  verdictFor,
  type PendingCheckIn,
} from "@/lib/offline/rules";

const item = (key: string, happenedAt: string, questId = "q1"): PendingCheckIn => ({
  idempotencyKey: key,
  questId,
  questTitle: `Quest ${questId}`,
  happenedAt,
});

/** An in-memory queue and a scripted server: each key answers with its scripted result (201 by default). */
function fakes(items: PendingCheckIn[], script: Record<string, SendResult> = {}) {
  const queue = new Map(items.map((i) => [i.idempotencyKey, i]));
  const sentKeys: string[] = [];
  return {
    queue,
    sentKeys,
    ports: {
      list: async () => [...queue.values()],
      remove: async (key: string) => void queue.delete(key),
      send: async (i: PendingCheckIn) => {
        sentKeys.push(i.idempotencyKey);
        return i.idempotencyKey in script ? (script[i.idempotencyKey] ?? null) : { status: 201 };
      },
    },
  };
}

describe("verdictFor", () => {
  it.each([
    [201, "sent"],
    [200, "sent"],
    [204, "sent"],
    [400, "refused"],
    [404, "refused"],
    [409, "refused"],
    [422, "refused"],
    [401, "stop"],
    [429, "stop"],
    [500, "retry"],
    [503, "retry"],
  ] as const)("%i → %s", (status, verdict) => expect(verdictFor(status)).toBe(verdict));
});

describe("drainQueue", () => {
  it("sends oldest first and empties the queue on 2xx (a 200 replay counts as sent)", async () => {
    const f = fakes(
      [item("c", "2026-01-01T10:00:00Z"), item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z")],
      {
        b: { status: 200 },
      },
    );
    const report = await drainQueue(f.ports);
    expect(f.sentKeys).toEqual(["a", "b", "c"]);
    expect(report.sent.map((i) => i.idempotencyKey)).toEqual(["a", "b", "c"]);
    expect(report.kept).toBe(0);
    expect(f.queue.size).toBe(0);
  });

  it("keeps everything from a network error on and stops sending", async () => {
    const f = fakes(
      [item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z"), item("c", "2026-01-01T10:00:00Z")],
      {
        b: null,
      },
    );
    const report = await drainQueue(f.ports);
    expect(f.sentKeys).toEqual(["a", "b"]);
    expect([...f.queue.keys()]).toEqual(["b", "c"]);
    expect(report.kept).toBe(2);
  });

  it.each([401, 429])("keeps the item and stops on %i", async (status) => {
    const f = fakes([item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z")], { a: { status } });
    const report = await drainQueue(f.ports);
    expect(f.sentKeys).toEqual(["a"]);
    expect(f.queue.size).toBe(2);
    expect(report).toMatchObject({ sent: [], refused: [], kept: 2 });
  });

  it("drops a check-in the server refuses for good and goes on with the rest", async () => {
    const f = fakes([item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z")], {
      a: { status: 422, message: "Backfill reaches 7 days back at most" },
    });
    const report = await drainQueue(f.ports);
    expect(f.queue.size).toBe(0);
    expect(report.refused).toEqual([
      { item: item("a", "2026-01-01T08:00:00Z"), status: 422, message: "Backfill reaches 7 days back at most" },
    ]);
    expect(report.sent.map((i) => i.idempotencyKey)).toEqual(["b"]);
  });

  it("keeps every check-in while the database is away (503) and reports when to come back", async () => {
    const f = fakes([item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z")], {
      a: { status: 503, retryAfter: 5 },
      b: { status: 503, retryAfter: 7 },
    });
    const report = await drainQueue(f.ports);
    expect([...f.queue.keys()]).toEqual(["a", "b"]);
    expect(report).toMatchObject({ sent: [], refused: [], kept: 2, retryAfter: 7 });
  });

  it("keeps a check-in the server failed on (5xx) and still sends the others", async () => {
    const f = fakes([item("a", "2026-01-01T08:00:00Z"), item("b", "2026-01-01T09:00:00Z")], { a: { status: 500 } });
    const report = await drainQueue(f.ports);
    expect([...f.queue.keys()]).toEqual(["a"]);
    expect(report.kept).toBe(1);
    expect(report.sent.map((i) => i.idempotencyKey)).toEqual(["b"]);
  });

  it("does nothing on an empty queue", async () => {
    const f = fakes([]);
    expect(await drainQueue(f.ports)).toEqual({ sent: [], refused: [], kept: 0 });
    expect(f.sentKeys).toEqual([]);
  });
});

describe("queue helpers", () => {
  it("orders by the time it happened, then by key", () => {
    const items = [
      item("z", "2026-01-02T00:00:00Z"),
      item("b", "2026-01-01T00:00:00Z"),
      item("a", "2026-01-01T00:00:00Z"),
    ];
    expect(inSendOrder(items).map((i) => i.idempotencyKey)).toEqual(["a", "b", "z"]);
    expect(items[0]?.idempotencyKey).toBe("z");
  });

  it("counts pending check-ins per quest", () => {
    const counts = pendingCountByQuest([item("a", "t", "q1"), item("b", "t", "q2"), item("c", "t", "q1")]);
    expect(Object.fromEntries(counts)).toEqual({ q1: 2, q2: 1 });
  });

  it.each([
    [{ online: false, pending: 3, syncing: false }, "Offline — 3 check-ins will sync"],
    [{ online: false, pending: 1, syncing: false }, "Offline — 1 check-in will sync"],
    [{ online: false, pending: 0, syncing: false }, "Offline — check-ins will sync when the connection returns"],
    [{ online: true, pending: 2, syncing: true }, "Syncing 2 check-ins…"],
    [{ online: true, pending: 2, syncing: false }, "2 check-ins waiting to sync"],
    [{ online: true, pending: 0, syncing: false }, null],
  ])("syncStateText(%o) = %s", (state, text) => expect(syncStateText(state)).toBe(text));
});

describe("syncReportText", () => {
  it("reports synced check-ins like live ones: their XP and the level reached", () => {
    const award = (xp: number, to?: number) => ({ award: { xp, held: false, levelUp: to ? { to } : null } });
    expect(syncReportText([])).toBeNull();
    expect(syncReportText([award(100)])).toBe("[SYSTEM] 1 check-in made offline synced: +100 XP.");
    expect(syncReportText([award(100), award(50, 3)])).toBe(
      "[SYSTEM] 2 check-ins made offline synced: +150 XP. Level up! You are now level 3.",
    );
    expect(syncReportText([{ award: { xp: 100, held: true, levelUp: null } }])).toContain("held in the Penalty Zone");
  });
});
