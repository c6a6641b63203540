// Three weeks of a believable Hunter for the demo account (prisma/seed.ts), played through the real services on a
// moving clock so every number is one the game itself produced: an Assassin with streaks, a shielded day, a
// Penalty Zone survived, and a Rank Trial under way. tests/integration/demo-history.test.ts holds it to that.
import { checkIn } from "@/lib/check-ins/service";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { allocateStatPoints, changeJob } from "@/lib/player/service";
import { archiveQuest, createQuest } from "@/lib/quests/service";
import { createQuestSchema } from "@/lib/quests/schemas";
import { addDays, localDay, type DayKey } from "@/lib/time/rules";

export const DEMO_DAYS = 21;

/** Days (0 = the first) whose dailies are left undone: one a shield covers, then two in a row that open the zone. */
const MISSED = new Set([4, 12, 13]);
/** The day the Hunter swaps their third daily for a new one, still weak by today: the Rank Trial waits for it. */
const SWAP_DAY = 14;

const at = (day: DayKey, time: string) => new Date(`${day}T${time}:00Z`);

export async function playDemoHistory(playerId: string, now: Date): Promise<void> {
  const first = addDays(localDay(now, { timeZone: "UTC", dayStartMinute: 0 }), -DEMO_DAYS);
  await db.player.update({
    where: { id: playerId },
    data: { createdAt: at(first, "06:00"), timeZone: "UTC", dayStartMinute: 0 },
  });
  await changeJob(playerId, "ASSASSIN", at(first, "07:00"));
  const quest = (input: Record<string, unknown>, day: DayKey) =>
    createQuest(
      playerId,
      createQuestSchema.parse({ difficulty: "NORMAL", stats: ["AGI"], ...input }),
      at(day, "07:05"),
    );
  const water = await quest({ kind: "HABIT", title: "Glass of water", difficulty: "EASY", stats: ["VIT"] }, first);
  const junk = await quest({ kind: "HABIT", title: "Junk food", positive: false, stats: ["VIT"] }, first);
  await quest({ kind: "ONE_TIME", title: "Book the dentist", dueDay: addDays(first, DEMO_DAYS + 5) }, first);
  const starters = await db.quest.findMany({ where: { playerId, kind: "DAILY" }, orderBy: { createdAt: "asc" } });
  let dailies = starters.map((q) => q.id);

  let key = 0;
  const tap = (questId: string, when: Date) => checkIn(playerId, questId, { idempotencyKey: `demo-${key++}` }, when);
  for (let i = 0; i <= DEMO_DAYS; i++) {
    const day = addDays(first, i);
    await settlePlayer(playerId, at(day, "06:30"));
    if (i === SWAP_DAY) {
      const [kept1, kept2, dropped] = dailies as [string, string, string];
      await archiveQuest(playerId, dropped, at(day, "07:00"));
      dailies = [kept1, kept2, (await quest({ kind: "DAILY", title: "Jump rope 200 times" }, day)).id];
    }
    if (i === DEMO_DAYS) break; // today: nothing done yet, so the dashboard has something to tap
    if (!MISSED.has(i)) {
      for (const [n, daily] of dailies.entries()) await tap(daily, at(day, `0${7 + n}:30`));
    }
    for (let glass = 0; glass < 2 + (i % 3); glass++) await tap(water.id, at(day, `1${glass}:15`));
    if (i % 5 === 3) await tap(junk.id, at(day, "21:00"));
  }
  // Most points spent on the job's stats, a few left to spend.
  await allocateStatPoints(playerId, { AGI: 12, PER: 9, VIT: 3 });
}
