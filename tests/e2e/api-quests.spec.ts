// GET/POST /api/v1/quests and GET/PATCH/DELETE /api/v1/quests/{id}, as their owner.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  client,
  createHunter,
  createQuest,
  expectError,
  expectInvalid,
  getPlayer,
  json,
  MALFORMED,
  OVERSIZED,
  questBody,
  snapshot,
  type Quest,
} from "./support/api";

async function owner(request: APIRequestContext) {
  return client(request, await createHunter(request));
}

test.describe("POST /api/v1/quests", () => {
  test("a quest needs only title, kind, difficulty and stats; a DAILY is due every day", async ({ request }) => {
    const api = await owner(request);
    const cases = [
      { kind: "DAILY", schedule: { type: "EVERY_DAY" }, dueToday: true },
      { kind: "HABIT", schedule: null, dueToday: false },
      { kind: "ONE_TIME", schedule: null, dueToday: true },
    ];
    for (const { kind, schedule, dueToday } of cases) {
      const body = { title: `A ${kind}`, kind, difficulty: "EASY", stats: ["VIT", "INT"] };
      const quest = await createQuest(api, body);
      expect(quest).toMatchObject({ ...body, notes: "", schedule, timesPerDay: 1, positive: true, archived: false });
      expect((await getPlayer(api)).quests.find((q) => q.id === quest.id)).toMatchObject({ dueToday });
    }
  });

  test("keeps every optional field it is given", async ({ request }) => {
    const api = await owner(request);
    const daily = await createQuest(api, {
      notes: "before work",
      schedule: { type: "WEEKDAYS", days: [1, 3, 5] },
      timesPerDay: 2,
      target: { value: 5, unit: "km" },
      reminderTime: "06:30",
    });
    expect(daily).toMatchObject({
      notes: "before work",
      schedule: { type: "WEEKDAYS", days: [1, 3, 5] },
      timesPerDay: 2,
      target: { value: 5, unit: "km", direction: "AT_LEAST" },
      reminderTime: "06:30",
      reminderTimes: ["06:30"],
    });
    const habit = await createQuest(api, { kind: "HABIT", positive: false });
    expect(habit.positive).toBe(false);
    const once = await createQuest(api, { kind: "ONE_TIME", dueDay: "2099-12-31", checklist: [{ text: "pack" }] });
    expect(once).toMatchObject({ dueDay: "2099-12-31", checklist: [{ text: "pack", done: false }] });
  });

  const invalid: { name: string; body: unknown; paths: string[] }[] = [
    { name: "no title", body: questBody({ title: undefined }), paths: ["title"] },
    { name: "a blank title", body: questBody({ title: "   " }), paths: ["title"] },
    { name: "a 101-character title", body: questBody({ title: "t".repeat(101) }), paths: ["title"] },
    { name: "the PENALTY kind", body: questBody({ kind: "PENALTY" }), paths: ["kind"] },
    { name: "no kind", body: questBody({ kind: undefined }), paths: ["kind"] },
    { name: "an unknown difficulty", body: questBody({ difficulty: "EPIC" }), paths: ["difficulty"] },
    { name: "no stats", body: questBody({ stats: [] }), paths: ["stats"] },
    { name: "three stats", body: questBody({ stats: ["STR", "AGI", "VIT"] }), paths: ["stats"] },
    { name: "a repeated stat", body: questBody({ stats: ["STR", "STR"] }), paths: ["stats"] },
    { name: "an unknown stat", body: questBody({ stats: ["LUCK"] }), paths: ["stats.0"] },
    {
      name: "a schedule on a HABIT",
      body: questBody({ kind: "HABIT", schedule: { type: "EVERY_DAY" } }),
      paths: ["schedule"],
    },
    { name: "a dueDay on a DAILY", body: questBody({ dueDay: "2099-01-01" }), paths: ["dueDay"] },
    { name: "no weekdays", body: questBody({ schedule: { type: "WEEKDAYS", days: [] } }), paths: ["schedule.days"] },
    { name: "weekday 8", body: questBody({ schedule: { type: "WEEKDAYS", days: [8] } }), paths: ["schedule.days.0"] },
    {
      name: "every 1 days",
      body: questBody({ schedule: { type: "EVERY_N_DAYS", n: 1, anchor: "2026-01-01" } }),
      paths: ["schedule.n"],
    },
    { name: "an unknown schedule", body: questBody({ schedule: { type: "HOURLY" } }), paths: ["schedule.type"] },
    { name: "zero times a day", body: questBody({ timesPerDay: 0 }), paths: ["timesPerDay"] },
    { name: "a reminder at 24:00", body: questBody({ reminderTime: "24:00" }), paths: ["reminderTime"] },
    { name: "a zero target", body: questBody({ target: { value: 0, unit: "km" } }), paths: ["target.value"] },
    { name: "an unknown field", body: questBody({ xp: 1_000_000 }), paths: ['(root): Unrecognized key: "xp"'] },
    { name: "a list instead of an object", body: [questBody()], paths: ["(root)"] },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422, writing nothing`, async ({ request }) => {
      const api = await owner(request);
      await expectInvalid(await api.post("/api/v1/quests", body), paths);
      expect(await json(await api.get("/api/v1/quests?archived=true"), 200)).toEqual({ quests: [] });
    });
  }

  test("answers 400 to malformed JSON, 413 to an oversized body and 422 to none, writing nothing", async ({
    request,
  }) => {
    const api = await owner(request);
    await expectError(await api.post("/api/v1/quests", MALFORMED), 400, "BAD_REQUEST");
    await expectError(await api.post("/api/v1/quests", questBody({ notes: OVERSIZED })), 413, "PAYLOAD_TOO_LARGE");
    await expectInvalid(await api.post("/api/v1/quests"), ["(root)"]);
    expect(await json(await api.get("/api/v1/quests?archived=true"), 200)).toEqual({ quests: [] });
  });
});

test.describe("GET /api/v1/quests and /api/v1/quests/{id}", () => {
  test("lists the owner's active quests in creation order; archived ones on request", async ({ request }) => {
    const api = await owner(request);
    const first = await createQuest(api);
    const second = await createQuest(api, { kind: "HABIT" });
    const list = async (query = "") =>
      (await json<{ quests: Quest[] }>(await api.get(`/api/v1/quests${query}`), 200)).quests.map((q) => q.id);
    expect(await list()).toEqual([first.id, second.id]);

    await json(await api.delete(`/api/v1/quests/${first.id}`), 200);
    expect(await list()).toEqual([second.id]);
    expect(await list("?archived=false")).toEqual([second.id]);
    expect(await list("?archived=true")).toEqual([first.id, second.id]);
  });

  const badQueries = [
    { query: "?archived=yes", paths: ["archived"] },
    { query: "?page=2", paths: ['(root): Unrecognized key: "page"'] },
  ];
  for (const { query, paths } of badQueries) {
    test(`rejects the query ${query} with 422`, async ({ request }) => {
      await expectInvalid(await (await owner(request)).get(`/api/v1/quests${query}`), paths);
    });
  }

  test("reads one quest; an unknown id is a 404", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    expect(await json(await api.get(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest });
    await expectError(await api.get("/api/v1/quests/no-such-quest"), 404, "NOT_FOUND");
  });
});

test.describe("PATCH /api/v1/quests/{id}", () => {
  test("changes only the fields sent", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const changes = {
      title: "Renamed",
      difficulty: "HARD",
      stats: ["AGI"],
      schedule: { type: "TIMES_PER_WEEK", n: 3 },
      target: null,
      reminderTime: "21:00",
    };
    const { quest: updated } = await json<{ quest: Quest }>(
      await api.patch(`/api/v1/quests/${quest.id}`, changes),
      200,
    );
    // Its day moves with it: a weekly quota now shows the week's progress.
    // reminderTime is the one-time form of reminderTimes: the list follows it.
    expect(updated).toEqual({ ...quest, ...changes, reminderTimes: ["21:00"], weekProgress: { done: 0, required: 3 } });
    expect(await json(await api.get(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest: updated });
  });

  const invalid: { name: string; kind?: string; body: unknown; paths: string[] }[] = [
    { name: "an empty change", body: {}, paths: ["(root)"] },
    { name: "a new kind", body: { kind: "HABIT" }, paths: ['(root): Unrecognized key: "kind"'] },
    { name: "an archived flag", body: { archived: false }, paths: ['(root): Unrecognized key: "archived"'] },
    { name: "a blank title", body: { title: "" }, paths: ["title"] },
    { name: "no stats", body: { stats: [] }, paths: ["stats"] },
    { name: "weekday 0", body: { schedule: { type: "WEEKDAYS", days: [0] } }, paths: ["schedule.days.0"] },
    { name: "a HABIT's positive flag on a DAILY", body: { positive: false }, paths: ["positive"] },
    { name: "a schedule on a HABIT", kind: "HABIT", body: { schedule: { type: "EVERY_DAY" } }, paths: ["schedule"] },
    { name: "a checklist on a DAILY", body: { checklist: [{ text: "a" }] }, paths: ["checklist"] },
    { name: "a null title", body: { title: null }, paths: ["title"] },
  ];
  for (const { name, kind = "DAILY", body, paths } of invalid) {
    test(`rejects ${name} with 422 and leaves the quest unchanged`, async ({ request }) => {
      const api = await owner(request);
      const quest = await createQuest(api, { kind });
      await expectInvalid(await api.patch(`/api/v1/quests/${quest.id}`, body), paths);
      expect(await json(await api.get(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest });
    });
  }

  test("answers 400, 413 and 404 without touching the quest", async ({ request }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    await expectError(await api.patch(`/api/v1/quests/${quest.id}`, MALFORMED), 400, "BAD_REQUEST");
    await expectError(await api.patch(`/api/v1/quests/${quest.id}`, { notes: OVERSIZED }), 413, "PAYLOAD_TOO_LARGE");
    await expectError(await api.patch("/api/v1/quests/no-such-quest", { title: "x" }), 404, "NOT_FOUND");
    expect(await json(await api.get(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest });
  });
});

test.describe("DELETE /api/v1/quests/{id}", () => {
  test("archives: the quest and its history stay, it is no longer due, and archiving again changes nothing", async ({
    request,
  }) => {
    const api = await owner(request);
    const quest = await createQuest(api);
    const { quest: archived } = await json<{ quest: Quest }>(await api.delete(`/api/v1/quests/${quest.id}`), 200);
    expect(archived).toEqual({ ...quest, archived: true });
    expect(await json(await api.get(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest: archived });
    expect((await getPlayer(api)).quests).toEqual([]);

    const before = await snapshot(api);
    expect(await json(await api.delete(`/api/v1/quests/${quest.id}`), 200)).toEqual({ quest: archived });
    expect(await snapshot(api)).toEqual(before);
    await expectError(await api.delete("/api/v1/quests/no-such-quest"), 404, "NOT_FOUND");
  });
});
