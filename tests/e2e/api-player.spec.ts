// GET/PATCH /api/v1/player, POST /api/v1/player/{stat-points,job,confirm-yesterday} and POST /api/v1/rest-periods.
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
  type Client,
  type PlayerStatus,
} from "./support/api";

async function owner(request: APIRequestContext) {
  return client(request, await createHunter(request));
}

/** A player at level 2 with 3 stat points to spend: one HARD habit check-in (150 XP, +50 for First Steps). */
async function levelTwo(request: APIRequestContext): Promise<Client> {
  const api = await owner(request);
  await checkIn(api, (await createQuest(api, { kind: "HABIT", difficulty: "HARD" })).id);
  expect((await getPlayer(api)).statPoints).toMatchObject({ earned: 3, available: 3 });
  return api;
}

test.describe("GET /api/v1/player", () => {
  test("the status window of a new Hunter", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const player = await getPlayer(api);
    expect(player).toMatchObject({
      job: null,
      level: 1,
      xp: 0,
      xpToNextLevel: 100,
      rank: "E",
      gold: 0,
      stats: { STR: 10, AGI: 10, VIT: 10, INT: 10, PER: 10 },
      streak: 0,
      shields: 0,
      penaltyZone: null,
      timeZone: "UTC",
      today: new Date().toISOString().slice(0, 10),
      quests: [{ id: quest.id, title: quest.title, dueToday: true, completionsToday: 0, complete: false }],
    });
    expect(player.secondsUntilReset).toBeGreaterThan(0);
    expect(player.secondsUntilReset).toBeLessThanOrEqual(86_400);
  });
});

test.describe("PATCH /api/v1/player", () => {
  test("changes the settings sent and answers with the new status", async ({ request }) => {
    const api = await owner(request);
    const updated = await json<PlayerStatus>(
      await api.patch("/api/v1/player", { timeZone: "Pacific/Kiritimati", dayStartMinute: 240 }),
      200,
    );
    expect(updated).toMatchObject({ timeZone: "Pacific/Kiritimati", dayStartMinute: 240 });
    expect(await getPlayer(api)).toMatchObject({ timeZone: "Pacific/Kiritimati", dayStartMinute: 240 });
    expect(await json(await api.patch("/api/v1/player", { equippedTitle: null }), 200)).toMatchObject({
      timeZone: "Pacific/Kiritimati",
    });
  });

  const invalid: { name: string; body: unknown; paths: string[] }[] = [
    { name: "an empty change", body: {}, paths: ["(root)"] },
    { name: "an unknown time zone", body: { timeZone: "Mars/Olympus" }, paths: ["timeZone"] },
    { name: "a day starting at 6:00", body: { dayStartMinute: 360 }, paths: ["dayStartMinute"] },
    { name: "a fractional day start", body: { dayStartMinute: 1.5 }, paths: ["dayStartMinute"] },
    { name: "a title not unlocked", body: { equippedTitle: "streak-30" }, paths: ["equippedTitle"] },
    { name: "a made-up title", body: { equippedTitle: "god-mode" }, paths: ["equippedTitle"] },
    { name: "a level", body: { level: 99 }, paths: ['(root): Unrecognized key: "level"'] },
    { name: "gold", body: { timeZone: "UTC", gold: 1e6 }, paths: ['(root): Unrecognized key: "gold"'] },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422 and changes nothing`, async ({ request }) => {
      const api = await owner(request);
      const before = await snapshot(api);
      await expectInvalid(await api.patch("/api/v1/player", body), paths);
      expect(await snapshot(api)).toEqual(before);
    });
  }
});

test.describe("POST /api/v1/player/stat-points", () => {
  test("spends earned points on stats, and no more than were earned", async ({ request }) => {
    const api = await levelTwo(request);
    const spent = await json<PlayerStatus>(await api.post("/api/v1/player/stat-points", { STR: 2, VIT: 1 }), 200);
    expect(spent.statPoints).toEqual({
      earned: 3,
      allocated: { STR: 2, AGI: 0, VIT: 1, INT: 0, PER: 0 },
      available: 0,
    });
    expect(spent.stats).toMatchObject({ STR: 12, VIT: 11, AGI: 10 });

    const before = await snapshot(api);
    await expectError(await api.post("/api/v1/player/stat-points", { AGI: 1 }), 409, "CONFLICT");
    expect(await snapshot(api)).toEqual(before);
  });

  test("a new Hunter has none to spend: 409", async ({ request }) => {
    const api = await owner(request);
    const before = await snapshot(api);
    await expectError(await api.post("/api/v1/player/stat-points", { STR: 1 }), 409, "CONFLICT");
    expect(await snapshot(api)).toEqual(before);
  });

  const invalid: { name: string; body: unknown; paths: string[] }[] = [
    { name: "nothing", body: {}, paths: ["(root)"] },
    { name: "zero points", body: { STR: 0 }, paths: ["(root)"] },
    { name: "negative points", body: { STR: 3, AGI: -3 }, paths: ["AGI"] },
    { name: "half a point", body: { STR: 1.5 }, paths: ["STR"] },
    { name: "an unknown stat", body: { LUCK: 1 }, paths: ['(root): Unrecognized key: "LUCK"'] },
    { name: "a list", body: [1, 0, 0, 0, 0], paths: ["(root)"] },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422 and spends nothing`, async ({ request }) => {
      const api = await levelTwo(request);
      const before = await snapshot(api);
      await expectInvalid(await api.post("/api/v1/player/stat-points", body), paths);
      expect(await snapshot(api)).toEqual(before);
    });
  }
});

test.describe("POST /api/v1/player/job", () => {
  test("the first Job Change completes the Awakening; the next must wait 30 days", async ({ request }) => {
    const api = await owner(request);
    expect(await json(await api.post("/api/v1/player/job", { job: "MAGE" }), 200)).toEqual({
      job: "MAGE",
      awakened: true,
    });
    const player = await getPlayer(api);
    expect(player).toMatchObject({ job: "MAGE", stats: { INT: 15, PER: 15, STR: 10 } });
    const starters = ["Meditate 10 minutes", "Read 20 pages", "Study 45 minutes"];
    expect(player.quests.map((q) => q.title).sort()).toEqual(starters);

    const before = await snapshot(api);
    await expectError(await api.post("/api/v1/player/job", { job: "TANK" }), 409, "CONFLICT");
    expect(await snapshot(api)).toEqual(before);

    await setClock(api, `${addDays(player.today, 30)}T12:00:00Z`);
    expect(await json(await api.post("/api/v1/player/job", { job: "TANK" }), 200)).toEqual({
      job: "TANK",
      awakened: false,
    });
    // Changing again adds no second set of starter quests.
    const dailies = (await getPlayer(api)).quests.filter((q) => q.kind === "DAILY");
    expect(dailies.map((q) => q.title).sort()).toEqual(starters);
  });

  const invalid: { name: string; body: unknown; paths: string[] }[] = [
    { name: "no job", body: {}, paths: ["job"] },
    { name: "an unknown job", body: { job: "NECROMANCER" }, paths: ["job"] },
    { name: "a lower-case job", body: { job: "mage" }, paths: ["job"] },
    {
      name: "an unknown field",
      body: { job: "MAGE", awakened: false },
      paths: ['(root): Unrecognized key: "awakened"'],
    },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422 and stays unawakened`, async ({ request }) => {
      const api = await owner(request);
      const before = await snapshot(api);
      await expectInvalid(await api.post("/api/v1/player/job", body), paths);
      expect(await snapshot(api)).toEqual(before);
      expect(before.player.job).toBeNull();
    });
  }
});

test.describe("POST /api/v1/player/confirm-yesterday", () => {
  test("settles yesterday before its grace window ends", async ({ request }) => {
    const api = await owner(request);
    await createQuest(api);
    const { today } = await getPlayer(api);
    // 01:00 the next day: yesterday ended an hour ago, inside the 3-hour grace window, so it is still open.
    await setClock(api, `${addDays(today, 1)}T01:00:00Z`);
    expect((await getPlayer(api)).yesterday).toEqual({ day: today, settled: false, openDailies: 1 });

    const confirmed = await json(await api.post("/api/v1/player/confirm-yesterday"), 200);
    expect(confirmed).toMatchObject({ day: today, settledDays: 1, penaltyOpened: false });
    expect((await getPlayer(api)).yesterday).toMatchObject({ day: today, settled: true });
    // The daily was missed, but a new Hunter's first month comes with a shield.
    expect(await getHistory(api, today, today)).toEqual([expect.objectContaining({ day: today, outcome: "SHIELDED" })]);

    // Confirming again settles nothing new.
    expect(await json(await api.post("/api/v1/player/confirm-yesterday"), 200)).toMatchObject({ settledDays: 0 });
  });
});

test.describe("POST /api/v1/rest-periods", () => {
  test("a Safe Zone: its days settle as REST; a refused one leaves its days to be judged", async ({ request }) => {
    const api = await owner(request);
    await createQuest(api);
    const { today } = await getPlayer(api);
    const refused = { startDay: today, endDay: today, reason: "holiday" };
    await expectInvalid(await api.post("/api/v1/rest-periods", refused), ['(root): Unrecognized key: "reason"']);
    const rest = { startDay: addDays(today, 1), endDay: addDays(today, 2) };
    expect(await json(await api.post("/api/v1/rest-periods", rest), 201)).toEqual({
      restPeriod: { id: expect.any(String), ...rest },
    });

    await setClock(api, `${addDays(today, 4)}T12:00:00Z`);
    const outcomes = (await getHistory(api, today, addDays(today, 3))).map((d) => [d.day, d.outcome]);
    expect(outcomes).toEqual([
      [today, "SHIELDED"],
      [addDays(today, 1), "REST"],
      [addDays(today, 2), "REST"],
      [addDays(today, 3), expect.stringMatching(/^(FAILED|SHIELDED)$/)],
    ]);
  });

  const invalid: { name: string; body: (today: string) => unknown; paths: string[] }[] = [
    { name: "no days", body: () => ({}), paths: ["startDay", "endDay"] },
    { name: "a day that is no date", body: (t) => ({ startDay: "tomorrow", endDay: t }), paths: ["startDay"] },
    { name: "an impossible date", body: (t) => ({ startDay: t, endDay: "2026-02-30" }), paths: ["endDay"] },
    {
      name: "an end before the start",
      body: (t) => ({ startDay: addDays(t, 2), endDay: addDays(t, 1) }),
      paths: ["endDay"],
    },
    { name: "a start in the past", body: (t) => ({ startDay: addDays(t, -1), endDay: t }), paths: ["startDay"] },
    { name: "61 days", body: (t) => ({ startDay: t, endDay: addDays(t, 61) }), paths: ["endDay"] },
    {
      name: "an unknown field",
      body: (t) => ({ startDay: t, endDay: t, days: 1 }),
      paths: ['(root): Unrecognized key: "days"'],
    },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422`, async ({ request }) => {
      const api = await owner(request);
      const { today } = await getPlayer(api);
      await expectInvalid(await api.post("/api/v1/rest-periods", body(today)), paths);
    });
  }
});

test.describe("malformed and oversized bodies", () => {
  const routes = [
    { method: "patch", path: "/api/v1/player", big: (pad: string) => ({ equippedTitle: pad }) },
    { method: "post", path: "/api/v1/player/stat-points", big: (pad: string) => ({ STR: 1, pad }) },
    { method: "post", path: "/api/v1/player/job", big: (pad: string) => ({ job: pad }) },
    { method: "post", path: "/api/v1/rest-periods", big: (pad: string) => ({ startDay: pad }) },
    { method: "put", path: "/api/v1/test-clock", big: (pad: string) => ({ now: pad }) },
  ] as const;
  for (const { method, path, big } of routes) {
    test(`${method.toUpperCase()} ${path}: 400 and 413, changing nothing`, async ({ request }) => {
      const api = await owner(request);
      const before = await snapshot(api);
      await expectError(await api[method](path, MALFORMED), 400, "BAD_REQUEST");
      await expectError(await api[method](path, big(OVERSIZED)), 413, "PAYLOAD_TOO_LARGE");
      expect(await snapshot(api)).toEqual(before);
    });
  }
});
