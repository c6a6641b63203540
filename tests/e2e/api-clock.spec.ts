// PUT/DELETE /api/v1/test-clock, the Penalty Zone it lets us reach, and the GET /api/cron/rollover backstop.
import { expect, test } from "@playwright/test";
import {
  addDays,
  checkIn,
  client,
  createHunter,
  createQuest,
  CRON_SECRET,
  expectInvalid,
  getHistory,
  getPlayer,
  json,
  setClock,
} from "./support/api";

test.describe("PUT/DELETE /api/v1/test-clock", () => {
  test("moves only the caller's clock, and DELETE returns it to real time", async ({ request }) => {
    const mover = client(request, await createHunter(request));
    const bystander = client(request, await createHunter(request));
    const { today } = await getPlayer(mover);

    // 01:00 tomorrow: inside today's 3-hour grace window, so nothing is settled yet.
    await setClock(mover, `${addDays(today, 1)}T01:00:00Z`);
    const moved = await getPlayer(mover);
    expect(moved.today).toBe(addDays(today, 1));
    expect(moved.secondsUntilReset).toBe(23 * 3600);
    expect(moved.yesterday).toMatchObject({ day: today, settled: false });
    expect((await getPlayer(bystander)).today).toBe(today);

    expect((await mover.delete("/api/v1/test-clock")).status()).toBe(204);
    expect((await getPlayer(mover)).today).toBe(today);
    // Resetting a clock that is not set is fine too.
    expect((await bystander.delete("/api/v1/test-clock")).status()).toBe(204);
  });

  test("going back in time never reopens a settled day", async ({ request }) => {
    const api = client(request, await createHunter(request));
    const { today } = await getPlayer(api);
    await setClock(api, `${addDays(today, 3)}T12:00:00Z`);
    expect((await getPlayer(api)).yesterday).toMatchObject({ day: addDays(today, 2), settled: true });

    // Back at real time the settled days stay settled: the Hunter's day is the first open one.
    expect((await api.delete("/api/v1/test-clock")).status()).toBe(204);
    expect((await getPlayer(api)).today).toBe(addDays(today, 3));
  });

  const invalid = [
    { name: "no instant", body: {}, paths: ["now"] },
    { name: "a date without a time", body: { now: "2030-01-01" }, paths: ["now"] },
    { name: "a time without an offset", body: { now: "2030-01-01T12:00:00" }, paths: ["now"] },
    { name: "an epoch number", body: { now: 1_900_000_000_000 }, paths: ["now"] },
    {
      name: "an unknown field",
      body: { now: "2030-01-01T12:00:00Z", zone: "UTC" },
      paths: ['(root): Unrecognized key: "zone"'],
    },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422 and leaves the clock alone`, async ({ request }) => {
      const api = client(request, await createHunter(request));
      const { today } = await getPlayer(api);
      await expectInvalid(await api.put("/api/v1/test-clock", body), paths);
      expect((await getPlayer(api)).today).toBe(today);
    });
  }
});

test.describe("the Penalty Zone", () => {
  test("a missed daily opens it once the month's shield is spent; awards are held while it is open", async ({
    request,
  }) => {
    const api = client(request, await createHunter(request));
    const daily = await createQuest(api, { title: "Run 3 km", difficulty: "EASY" });
    // Completed dailies clear the Survival Quest (habit taps do not): two of them, so it asks for 2.
    const read = await createQuest(api, { title: "Read" });
    const { today } = await getPlayer(api);
    expect((await getPlayer(api)).penaltyZone).toBeNull();

    await setClock(api, `${addDays(today, 4)}T12:00:00Z`);
    const player = await getPlayer(api);
    expect(player.penaltyZone).toEqual({
      penaltyId: expect.any(String),
      questId: expect.any(String),
      title: "Survival Quest",
      progress: 0,
      required: 2,
      deadline: expect.stringMatching(new RegExp(`^${addDays(today, 4)}T18:00:0\\d\\.\\d{3}Z$`)),
      secondsLeft: 6 * 3600,
    });
    expect(player).toMatchObject({ streak: 0, shields: 0 });
    const outcomes = (await getHistory(api, today, addDays(today, 3))).map((d) => d.outcome);
    expect(outcomes).toHaveLength(4);
    expect(outcomes[0]).toBe("SHIELDED");
    expect(outcomes).toContain("FAILED");

    // While it is open, awards are recorded but held; two quests done clear it and release them.
    const first = await checkIn(api, daily.id);
    expect(first.award).toMatchObject({ xp: 50, held: true, penalty: { progress: 1, required: 2, cleared: false } });
    expect(first.player).toMatchObject({ heldXp: 50, heldGold: 5 });
    const second = await checkIn(api, read.id);
    expect(second.award).toMatchObject({ xp: 100, held: false, penalty: { progress: 2, required: 2, cleared: true } });
    expect(second.award.achievements).toContainEqual(expect.objectContaining({ id: "survivor", title: "Survivor" }));
    const cleared = await getPlayer(api);
    expect(cleared.penaltyZone).toBeNull();
    expect(cleared.held).toEqual({ xp: 0, gold: 0 });
    expect(cleared.xp - first.player.xp).toBeGreaterThanOrEqual(150); // both awards credited, plus Survivor's
    // Its title is now the Hunter's to wear.
    const titled = await json<{ equippedTitle: string | null }>(
      await api.patch("/api/v1/player", { equippedTitle: "survivor" }),
      200,
    );
    expect(titled.equippedTitle).toBe("survivor");
  });
});

// Who may call it is tested with the tick, which shares its authorisation (api-cron-tick.spec.ts).
test.describe("GET /api/cron/rollover", () => {
  test("settles every player's ended days once; a second run settles nothing new", async ({ request }) => {
    const hunter = await createHunter(request);
    const api = client(request, hunter);
    await createQuest(api);
    const { today } = await getPlayer(api);
    // Move the clock without calling a player route, so only the cron can settle these days.
    await setClock(api, `${addDays(today, 4)}T12:00:00Z`);

    const cron = { Authorization: `Bearer ${CRON_SECRET}` };
    type Run = { processed: number; settledDays: number; penaltiesOpened: number; nextCursor: string | null };
    const first = await json<Run>(await request.get("/api/cron/rollover", { headers: cron }), 200);
    expect(first).toEqual({
      processed: expect.any(Number),
      settledDays: expect.any(Number),
      penaltiesOpened: expect.any(Number),
      nextCursor: null,
    });
    // This Hunter at least (a test clock of its own); the backstop visits only Hunters with something due.
    expect(first.processed).toBeGreaterThanOrEqual(1);
    expect(first.settledDays).toBeGreaterThanOrEqual(4); // this Hunter's four ended days
    expect(first.penaltiesOpened).toBeGreaterThanOrEqual(1);

    const second = await json<Run>(await request.get("/api/cron/rollover?batchSize=1", { headers: cron }), 200);
    expect(second).toEqual({ processed: expect.any(Number), settledDays: 0, penaltiesOpened: 0, nextCursor: null });
    expect(second.processed).toBeLessThanOrEqual(first.processed);

    const days = await getHistory(api, today, addDays(today, 4));
    expect(days.map((d) => d.day)).toEqual([0, 1, 2, 3].map((n) => addDays(today, n)));
    expect(days.every((d) => d.outcome !== null)).toBe(true);
    expect((await getPlayer(api)).penaltyZone).toMatchObject({ title: "Survival Quest" });
  });

  const badQueries = [
    { query: "?batchSize=0", paths: ["batchSize"] },
    { query: "?batchSize=501", paths: ["batchSize"] },
    { query: "?batchSize=ten", paths: ["batchSize"] },
    { query: "?cursor=" + "c".repeat(65), paths: ["cursor"] },
    { query: "?dryRun=true", paths: ['(root): Unrecognized key: "dryRun"'] },
  ];
  for (const { query, paths } of badQueries) {
    test(`rejects the query ${query.slice(0, 20)} with 422`, async ({ request }) => {
      const headers = { Authorization: `Bearer ${CRON_SECRET}` };
      await expectInvalid(await request.get(`/api/cron/rollover${query}`, { headers }), paths);
    });
  }
});
