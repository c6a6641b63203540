// POST /api/v1/quests/{id}/check-ins (idempotent), DELETE /api/v1/check-ins/{id} (undo), GET /api/v1/history and
// GET /api/v1/quests/{id}/strength.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  addDays,
  checkIn,
  client,
  createHunter,
  createQuest,
  expectError,
  expectInvalid,
  getHistory,
  getPlayer,
  json,
  MALFORMED,
  OVERSIZED,
  setClock,
  snapshot,
  type CheckInBody,
} from "./support/api";

async function owner(request: APIRequestContext) {
  return client(request, await createHunter(request));
}

test.describe("POST /api/v1/quests/{id}/check-ins", () => {
  test("201 with the check-in, its award and the player; a replay is 200 with the byte-identical body", async ({
    request,
  }) => {
    const api = await owner(request);
    const quest = await createQuest(api, { difficulty: "HARD" });
    const url = `/api/v1/quests/${quest.id}/check-ins`;
    const first = await api.post(url, { idempotencyKey: "run-2026-11-26", value: 3.5 });
    const original = await first.text();
    expect(first.status(), original).toBe(201);
    const body = JSON.parse(original) as CheckInBody;
    const today = (await getPlayer(api)).today;
    // HARD is 150 XP and 15 gold; the first check-in also unlocks First Steps (+50 XP, +10 gold).
    expect(body).toEqual({
      checkIn: {
        id: expect.any(String),
        questId: quest.id,
        dayKey: today,
        happenedAt: expect.any(String),
        source: "LIVE",
        value: 3.5,
        note: null,
      },
      award: {
        xp: 150,
        gold: 15,
        held: false,
        unawarded: null,
        levelUp: { from: 1, to: 2 },
        achievements: [expect.objectContaining({ id: "first-steps" })],
        penalty: null,
      },
      day: { checkIns: 1, total: 3.5, target: null, complete: true },
      player: { level: 2, xp: 200, gold: 25, heldXp: 0, heldGold: 0, rank: "E", streak: 0 },
    });

    // The same request again: the original reply, and nothing awarded twice.
    const replay = await api.post(url, { idempotencyKey: "run-2026-11-26", value: 3.5 });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toBe(original);
    // The key with another request (no value, another value, another quest): refused, nothing recorded.
    for (const [target, reused] of [
      [url, { idempotencyKey: "run-2026-11-26" }],
      [url, { idempotencyKey: "run-2026-11-26", value: 4 }],
      [
        `/api/v1/quests/${(await createQuest(api, { kind: "HABIT" })).id}/check-ins`,
        { idempotencyKey: "run-2026-11-26" },
      ],
    ] as const) {
      const refused = await expectError(await api.post(target, reused), 422, "VALIDATION_FAILED");
      expect(refused.message).toBe("This idempotency key was already used for a different request");
    }
    const player = await getPlayer(api);
    expect(player).toMatchObject({ level: 2, xp: 200, gold: 25 });
    expect(player.quests[0]).toMatchObject({ id: quest.id, completionsToday: 1, complete: true });
  });

  test("concurrent sends of one key make one check-in", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api, { kind: "HABIT" });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => api.post(`/api/v1/quests/${quest.id}/check-ins`, { idempotencyKey: "tap-once" })),
    );
    expect(replies.map((r) => r.status()).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const bodies = [...new Set(await Promise.all(replies.map((r) => r.text())))];
    expect(bodies).toHaveLength(1);
    // The player holds exactly what the one reply says they hold.
    const { player } = JSON.parse(bodies[0]!) as CheckInBody;
    expect(await getPlayer(api)).toMatchObject({ xp: player.xp, gold: player.gold });
    const [day] = await getHistory(api, (await getPlayer(api)).today, (await getPlayer(api)).today);
    expect(day?.checkIns).toHaveLength(1);
  });

  test("a DAILY's extra check-ins are recorded but not awarded; a ONE_TIME completes once", async ({ request }) => {
    const api = await owner(request);
    const daily = await createQuest(api, { difficulty: "EASY" });
    expect((await checkIn(api, daily.id)).award.xp).toBe(50);
    expect((await checkIn(api, daily.id)).award.xp).toBe(0);

    const once = await createQuest(api, { kind: "ONE_TIME" });
    await checkIn(api, once.id);
    const before = await snapshot(api);
    await expectError(
      await api.post(`/api/v1/quests/${once.id}/check-ins`, { idempotencyKey: "once-again" }),
      409,
      "CONFLICT",
    );
    expect(await snapshot(api)).toEqual(before);
  });

  test("an archived or unknown quest is a 404", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    await json(await api.delete(`/api/v1/quests/${quest.id}`), 200);
    const before = await snapshot(api);
    for (const id of [quest.id, "no-such-quest"]) {
      await expectError(
        await api.post(`/api/v1/quests/${id}/check-ins`, { idempotencyKey: "k-12345678" }),
        404,
        "NOT_FOUND",
      );
    }
    expect(await snapshot(api)).toEqual(before);
  });

  const hour = 3_600_000;
  const invalid: { name: string; body: (createdAt: number) => unknown; paths: string[] }[] = [
    { name: "no idempotencyKey", body: () => ({}), paths: ["idempotencyKey"] },
    { name: "a 7-character key", body: () => ({ idempotencyKey: "abcdefg" }), paths: ["idempotencyKey"] },
    { name: "a 101-character key", body: () => ({ idempotencyKey: "k".repeat(101) }), paths: ["idempotencyKey"] },
    { name: "a key with spaces", body: () => ({ idempotencyKey: "my key 123" }), paths: ["idempotencyKey"] },
    { name: "a numeric key", body: () => ({ idempotencyKey: 12345678 }), paths: ["idempotencyKey"] },
    {
      name: "a happenedAt that is no date",
      body: () => ({ idempotencyKey: "k-12345678", happenedAt: "yesterday" }),
      paths: ["happenedAt"],
    },
    {
      name: "a happenedAt without offset",
      body: () => ({ idempotencyKey: "k-12345678", happenedAt: "2026-01-01T10:00:00" }),
      paths: ["happenedAt"],
    },
    {
      name: "a happenedAt a day ahead",
      body: (t) => ({ idempotencyKey: "k-12345678", happenedAt: new Date(t + 24 * hour).toISOString() }),
      paths: ["happenedAt"],
    },
    {
      name: "a happenedAt before the quest existed",
      body: (t) => ({ idempotencyKey: "k-12345678", happenedAt: new Date(t - 72 * hour).toISOString() }),
      paths: ["happenedAt"],
    },
    { name: "a negative value", body: () => ({ idempotencyKey: "k-12345678", value: -1 }), paths: ["value"] },
    { name: "a string value", body: () => ({ idempotencyKey: "k-12345678", value: "3" }), paths: ["value"] },
    {
      name: "an unknown field",
      body: () => ({ idempotencyKey: "k-12345678", xp: 9999 }),
      paths: ['(root): Unrecognized key: "xp"'],
    },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422, writing nothing`, async ({ request }) => {
      const api = await owner(request);
      const quest = await createQuest(api);
      const before = await snapshot(api);
      await expectInvalid(await api.post(`/api/v1/quests/${quest.id}/check-ins`, body(Date.now())), paths);
      expect(await snapshot(api)).toEqual(before);
      // The key was not used up either.
      expect((await api.post(`/api/v1/quests/${quest.id}/check-ins`, { idempotencyKey: "k-12345678" })).status()).toBe(
        201,
      );
    });
  }

  test("answers 400 to malformed JSON and 413 to an oversized body, writing nothing", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const before = await snapshot(api);
    const url = `/api/v1/quests/${quest.id}/check-ins`;
    await expectError(await api.post(url, MALFORMED), 400, "BAD_REQUEST");
    await expectError(await api.post(url, { idempotencyKey: OVERSIZED }), 413, "PAYLOAD_TOO_LARGE");
    expect(await snapshot(api)).toEqual(before);
  });
});

test.describe("DELETE /api/v1/check-ins/{id}", () => {
  test("undoes a check-in: the award is taken back and the history marks it undone", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const done = await checkIn(api, quest.id);
    expect(done.award).toMatchObject({ xp: 100, gold: 10 });
    expect(done.player).toMatchObject({ level: 2, xp: 150, gold: 20 }); // with First Steps' +50 XP, +10 gold

    // The quest's award goes back (and the level it bought); the achievement, earned once, stays.
    const undone = await json(await api.delete(`/api/v1/check-ins/${done.checkIn.id}`), 200);
    expect(undone).toEqual({
      checkInId: done.checkIn.id,
      xp: -100,
      gold: -10,
      player: { level: 1, xp: 50, gold: 10, heldXp: 0, heldGold: 0, streak: 0 },
    });
    const player = await getPlayer(api);
    expect(player).toMatchObject({ level: 1, xp: 50, gold: 10 });
    expect(player.quests[0]).toMatchObject({ completionsToday: 0, complete: false });
    const [day] = await getHistory(api, player.today, player.today);
    expect(day?.checkIns).toEqual([expect.objectContaining({ id: done.checkIn.id, undone: true })]);

    const before = await snapshot(api);
    await expectError(await api.delete(`/api/v1/check-ins/${done.checkIn.id}`), 409, "CONFLICT");
    await expectError(await api.delete("/api/v1/check-ins/no-such-check-in"), 404, "NOT_FOUND");
    expect(await snapshot(api)).toEqual(before);
  });
});

test.describe("GET /api/v1/history", () => {
  test("lists each day's check-ins and, once settled, its outcome", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const { today } = await getPlayer(api);
    const done = await checkIn(api, quest.id);
    expect(await getHistory(api, addDays(today, -3), addDays(today, 3))).toEqual([
      {
        day: today,
        outcome: null,
        streakAfter: null,
        checkIns: [
          {
            id: done.checkIn.id,
            questId: quest.id,
            questTitle: quest.title,
            happenedAt: done.checkIn.happenedAt,
            recordedAt: expect.any(String),
            source: "LIVE",
            value: null,
            note: null,
            undone: false,
          },
        ],
        penalties: [],
      },
    ]);

    // Two days on, today is settled: cleared, the streak now 1.
    await setClock(api, `${addDays(today, 2)}T12:00:00Z`);
    const [settled] = await getHistory(api, today, today);
    expect(settled).toMatchObject({ day: today, outcome: "CLEARED", streakAfter: 1 });
  });

  const badRanges = [
    { query: "", paths: ["from", "to"] },
    { query: "?from=2026-01-02", paths: ["to"] },
    { query: "?from=2026-01-02&to=2026-01-01", paths: ["to"] },
    { query: "?from=2026-13-01&to=2026-12-01", paths: ["from"] },
    { query: "?from=2024-01-01&to=2026-01-01", paths: ["to"] },
    { query: "?from=2026-01-01&to=2026-01-02&questId=x", paths: ['(root): Unrecognized key: "questId"'] },
  ];
  for (const { query, paths } of badRanges) {
    test(`rejects the query "${query}" with 422`, async ({ request }) => {
      await expectInvalid(await (await owner(request)).get(`/api/v1/history${query}`), paths);
    });
  }
});

test.describe("GET /api/v1/quests/{id}/strength", () => {
  test("a DAILY's strength per settled day and its quest streak", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const { today } = await getPlayer(api);
    const url = (from: string, to: string) => `/api/v1/quests/${quest.id}/strength?from=${from}&to=${to}`;
    // Nothing is settled yet: no series.
    expect(await json(await api.get(url(today, addDays(today, 7))), 200)).toEqual({ series: [], questStreak: 0 });

    // Checked in today, missed tomorrow: tomorrow fails but the month's free shield covers it, freezing strength.
    await checkIn(api, quest.id);
    await setClock(api, `${addDays(today, 2)}T12:00:00Z`);
    const history = await getHistory(api, today, addDays(today, 1));
    expect(history.map((d) => d.outcome)).toEqual(["CLEARED", "SHIELDED"]);
    const { series, questStreak } = await json<{ series: { day: string; strength: number }[]; questStreak: number }>(
      await api.get(url(addDays(today, -5), addDays(today, 10))),
      200,
    );
    expect(series.map((s) => s.day)).toEqual([today, addDays(today, 1)]);
    expect(series[0]!.strength).toBeGreaterThan(0);
    expect(series[1]!.strength).toBe(series[0]!.strength);
    expect(questStreak).toBe(1);
    // The range trims the series, not the history it is computed from.
    expect(await json(await api.get(url(addDays(today, 1), addDays(today, 1))), 200)).toEqual({
      series: [series[1]],
      questStreak: 1,
    });
  });

  test("only dailies and habits have a strength (habits feed stats too): a to-do is a 409", async ({ request }) => {
    const api = await owner(request);
    const habit = await createQuest(api, { kind: "HABIT" });
    expect((await api.get(`/api/v1/quests/${habit.id}/strength?from=2026-01-01&to=2026-01-02`)).status()).toBe(200);
    const todo = await createQuest(api, { kind: "ONE_TIME" });
    await expectError(
      await api.get(`/api/v1/quests/${todo.id}/strength?from=2026-01-01&to=2026-01-02`),
      409,
      "CONFLICT",
    );
    await expectError(
      await api.get("/api/v1/quests/no-such-quest/strength?from=2026-01-01&to=2026-01-02"),
      404,
      "NOT_FOUND",
    );
  });

  const badRanges = [
    { query: "", paths: ["from", "to"] },
    { query: "?from=2026-01-05&to=2026-01-01", paths: ["to"] },
    { query: "?from=01/01/2026&to=2026-01-02", paths: ["from"] },
    { query: "?from=2024-01-01&to=2026-01-01", paths: ["to"] },
    { query: "?from=2026-01-01&to=2026-01-02&days=7", paths: ['(root): Unrecognized key: "days"'] },
  ];
  for (const { query, paths } of badRanges) {
    test(`rejects the query "${query}" with 422`, async ({ request }) => {
      const api = await owner(request);
      const quest = await createQuest(api);
      await expectInvalid(await api.get(`/api/v1/quests/${quest.id}/strength${query}`), paths);
    });
  }
});
