// What the rules mean on the wire (docs/rules.md): targets that count by value, to-dos that stay done, schedules
// that show, capped habit taps, a Survival Quest cleared by quests (not taps) with a cost for failing it, rest
// periods that can be ended, and the quest DTOs that say all of it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  addDays,
  client,
  createHunter,
  createQuest,
  expectError,
  expectInvalid,
  getHistory,
  json,
  setClock,
  type Client,
} from "./support/api";

type Day = { checkIns: number; total: number; target: number | null; complete: boolean };
type Award = { xp: number; held: boolean; unawarded: string | null; penalty: { progress: number } | null };
type Reply = { award: Award; day: Day };
type QuestState = {
  id: string;
  dueToday: boolean;
  notDue: string | null;
  completeToday: boolean;
  progress: { value: number; target: number; unit: string; direction: string } | null;
  weekProgress: { done: number; required: number } | null;
  done: boolean;
  overdue: boolean;
  checklistProgress: { done: number; total: number } | null;
  checklist: { text: string; done: boolean }[] | null;
};
type Status = {
  today: string;
  xp: number;
  gold: number;
  rest: { id: string } | null;
  penaltyZone: { progress: number; required: number } | null;
  penaltyResult: { status: string; fineXp: number; fineGold: number; returnedXp: number } | null;
  quests: QuestState[];
};

const status = async (api: Client) => json<Status>(await api.get("/api/v1/player"), 200);
const send = async (api: Client, questId: string, body: Record<string, unknown> = {}) =>
  json<Reply>(
    await api.post(`/api/v1/quests/${questId}/check-ins`, { idempotencyKey: crypto.randomUUID(), ...body }),
    201,
  );
const questOf = async (api: Client, id: string) =>
  (await json<{ quest: QuestState }>(await api.get(`/api/v1/quests/${id}`), 200)).quest;

async function hunter(request: APIRequestContext) {
  const api = client(request, await createHunter(request));
  return { api, today: (await status(api)).today };
}

test("a numeric target counts by value: 3,000 of 10,000 steps is progress, not a completion", async ({ request }) => {
  const { api } = await hunter(request);
  const steps = await createQuest(api, { title: "Walk", target: { value: 10_000, unit: "steps" } });

  await expectInvalid(await api.post(`/api/v1/quests/${steps.id}/check-ins`, { idempotencyKey: "no-value-1" }), [
    "value",
  ]);
  const first = await send(api, steps.id, { value: 3_000 });
  expect(first.award).toMatchObject({ xp: 0, unawarded: expect.stringContaining("target") });
  expect(first.day).toEqual({ checkIns: 1, total: 3_000, target: 10_000, complete: false });
  expect(await questOf(api, steps.id)).toMatchObject({
    completeToday: false,
    dueToday: true,
    progress: { value: 3_000, target: 10_000, unit: "steps", direction: "AT_LEAST" },
  });

  const second = await send(api, steps.id, { value: 7_500 });
  expect(second.award.xp).toBe(100);
  expect(second.day).toMatchObject({ total: 10_500, complete: true });
  expect((await send(api, steps.id, { value: 1_000 })).award.xp).toBe(0);
  expect((await status(api)).quests.find((q) => q.id === steps.id)).toMatchObject({
    completeToday: true,
    progress: { value: 11_500, target: 10_000 },
  });
});

test("an at-most target is judged when the day is settled, and awards then", async ({ request }) => {
  const { api, today } = await hunter(request);
  const coffee = await createQuest(api, {
    title: "Coffee",
    target: { value: 2, unit: "cups", direction: "AT_MOST" },
  });
  const logged = await send(api, coffee.id, { value: 1 });
  expect(logged.award).toMatchObject({ xp: 0, unawarded: expect.stringContaining("settled") });
  expect((await questOf(api, coffee.id)).completeToday).toBe(false);
  const before = (await status(api)).xp;

  await setClock(api, `${addDays(today, 1)}T04:00:00Z`);
  const after = await status(api);
  expect(after.xp).toBe(before + 100);
  const [day] = await getHistory(api, today, today);
  expect(day?.outcome).toBe("CLEARED");
});

test("a to-do stays done on every later day, ticks its checklist and is marked overdue when late", async ({
  request,
}) => {
  const { api, today } = await hunter(request);
  const todo = await createQuest(api, {
    kind: "ONE_TIME",
    title: "Pack",
    stats: [],
    dueDay: addDays(today, 2),
    checklist: [{ text: "passport" }, { text: "charger" }, { text: "socks" }],
  });
  const ticked = await json<{ quest: QuestState }>(
    await api.patch(`/api/v1/quests/${todo.id}/checklist/1`, { done: true }),
    200,
  );
  expect(ticked.quest.checklistProgress).toEqual({ done: 1, total: 3 });
  expect(ticked.quest.checklist?.[1]).toEqual({ text: "charger", done: true });
  await expectError(await api.patch(`/api/v1/quests/${todo.id}/checklist/7`, { done: true }), 404, "NOT_FOUND");
  await expectInvalid(await api.patch(`/api/v1/quests/${todo.id}/checklist/1`, { done: "yes" }), ["done"]);

  await send(api, todo.id);
  await setClock(api, `${addDays(today, 7)}T12:00:00Z`);
  expect(await questOf(api, todo.id)).toMatchObject({
    done: true,
    completeToday: true,
    dueToday: false,
    overdue: false,
  });
  await expectError(
    await api.post(`/api/v1/quests/${todo.id}/check-ins`, { idempotencyKey: crypto.randomUUID() }),
    409,
    "CONFLICT",
  );

  const late = await createQuest(api, { kind: "ONE_TIME", title: "Late", stats: [], dueDay: addDays(today, 6) });
  expect(await questOf(api, late.id)).toMatchObject({ done: false, dueToday: true, overdue: true });
});

test("schedules show: a daily not due today is apart and pays extra credit once; a weekly quota shows its week", async ({
  request,
}) => {
  const { api, today } = await hunter(request);
  const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const other = (weekday % 7) + 1;
  const mondays = await createQuest(api, { title: "Other day", schedule: { type: "WEEKDAYS", days: [other] } });
  const weekly = await createQuest(api, { title: "Gym", schedule: { type: "TIMES_PER_WEEK", n: 3 } });

  expect(await questOf(api, mondays.id)).toMatchObject({ dueToday: false, notDue: "NOT_SCHEDULED" });
  expect((await send(api, mondays.id)).award.xp).toBe(100);
  expect((await send(api, mondays.id)).award).toMatchObject({
    xp: 0,
    unawarded: expect.stringContaining("extra credit"),
  });

  await send(api, weekly.id);
  expect(await questOf(api, weekly.id)).toMatchObject({ weekProgress: { done: 1, required: 3 }, dueToday: true });
});

test("a positive habit pays for 10 taps a day; later taps are recorded with 0 XP and say so", async ({ request }) => {
  const { api } = await hunter(request);
  const water = await createQuest(api, { kind: "HABIT", title: "Water", difficulty: "EASY" });
  const xp: number[] = [];
  for (let i = 0; i < 11; i++) xp.push((await send(api, water.id)).award.xp);
  expect(xp).toEqual([...Array(10).fill(50), 0]);
  const last = await send(api, water.id);
  expect(last.award.unawarded).toContain("10 taps");
  expect(last.day.checkIns).toBe(12);
});

test("the Survival Quest: habit taps do not count, and ignoring it costs XP and gold", async ({ request }) => {
  const { api, today } = await hunter(request);
  await createQuest(api, { title: "Run" });
  await createQuest(api, { title: "Read" });
  const habit = await createQuest(api, { kind: "HABIT", title: "Water" });
  await send(api, habit.id);
  // Two days missed: the first is shielded, the second opens the Penalty Zone at the rollover.
  await setClock(api, `${addDays(today, 2)}T04:00:00Z`);
  const zone = await status(api);
  expect(zone.penaltyZone).toMatchObject({ progress: 0, required: 2 });
  expect((await send(api, habit.id)).award).toMatchObject({ held: true, penalty: { progress: 0 } });

  await setClock(api, `${addDays(today, 2)}T10:30:00Z`);
  const failed = await status(api);
  expect(failed.penaltyZone).toBeNull();
  expect(failed.penaltyResult).toMatchObject({ status: "FAILED", fineXp: expect.any(Number), returnedXp: 50 });
  expect(failed.penaltyResult!.fineXp + failed.penaltyResult!.fineGold).toBeGreaterThan(0);
  expect(failed.quests.some((q) => (q as { kind?: string }).kind === "PENALTY")).toBe(false);
  // History shows it on the failed day that opened it.
  const days = await getHistory(api, addDays(today, 1), addDays(today, 1));
  expect(days[0]).toMatchObject({ outcome: "FAILED", penalties: [expect.objectContaining({ status: "FAILED" })] });
});

test("rest periods: no overlaps, a Safe Zone with nothing due, and an early end", async ({ request }) => {
  const { api, today } = await hunter(request);
  const daily = await createQuest(api, { title: "Run" });
  const rest = await json<{ restPeriod: { id: string } }>(
    await api.post("/api/v1/rest-periods", { startDay: today, endDay: addDays(today, 3) }),
    201,
  );
  await expectError(
    await api.post("/api/v1/rest-periods", { startDay: addDays(today, 2), endDay: addDays(today, 5) }),
    409,
    "CONFLICT",
  );
  const resting = await status(api);
  expect(resting.rest).toMatchObject({ id: rest.restPeriod.id });
  expect(resting.quests.find((q) => q.id === daily.id)).toMatchObject({ dueToday: false, notDue: "RESTING" });

  const later = await json<{ restPeriod: { id: string } }>(
    await api.post("/api/v1/rest-periods", { startDay: addDays(today, 10), endDay: addDays(today, 12) }),
    201,
  );
  const cancelled = await json<{ restPeriod: { status: string } }>(
    await api.delete(`/api/v1/rest-periods/${later.restPeriod.id}`),
    200,
  );
  expect(cancelled.restPeriod.status).toBe("CANCELLED");

  await setClock(api, `${addDays(today, 1)}T12:00:00Z`);
  const ended = await json<{ restPeriod: { status: string; endDay: string } }>(
    await api.delete(`/api/v1/rest-periods/${rest.restPeriod.id}`),
    200,
  );
  expect(ended.restPeriod).toMatchObject({ status: "ENDED", endDay: today });
  expect((await status(api)).rest).toBeNull();
  expect((await json<{ restPeriods: unknown[] }>(await api.get("/api/v1/rest-periods"), 200)).restPeriods).toEqual([]);
});

test("another player's rest period and checklist are a 404 that change nothing", async ({ request }) => {
  const { api: owner, today } = await hunter(request);
  const { api: other } = await hunter(request);
  const rest = await json<{ restPeriod: { id: string } }>(
    await owner.post("/api/v1/rest-periods", { startDay: addDays(today, 4), endDay: addDays(today, 5) }),
    201,
  );
  const todo = await createQuest(owner, { kind: "ONE_TIME", title: "Mine", checklist: [{ text: "a" }] });
  await expectError(await other.delete(`/api/v1/rest-periods/${rest.restPeriod.id}`), 404, "NOT_FOUND");
  await expectError(await other.patch(`/api/v1/quests/${todo.id}/checklist/0`, { done: true }), 404, "NOT_FOUND");
  expect((await questOf(owner, todo.id)).checklistProgress).toEqual({ done: 0, total: 1 });
  expect(
    (await json<{ restPeriods: unknown[] }>(await owner.get("/api/v1/rest-periods"), 200)).restPeriods,
  ).toHaveLength(1);
});
