/**
 * The achievement catalogue (docs/rules.md "Achievements"). Ids are stored with unlocks: add entries freely, never rename or reuse an id.
 */
import type { Achievement, Rarity } from "@/lib/achievements/rules";

/** Rewards grow with rarity unless an entry sets its own (The Awakened: +100 gold). */
const REWARD: Readonly<Record<Rarity, Achievement["reward"]>> = {
  COMMON: { xp: 50, gold: 10 },
  RARE: { xp: 150, gold: 30 },
  EPIC: { xp: 400, gold: 80 },
  LEGENDARY: { xp: 1_000, gold: 250 },
};

type Entry = Omit<Achievement, "reward"> & { reward?: Achievement["reward"] };

const ENTRIES: readonly Entry[] = [
  // STREAK: consecutive cleared days.
  {
    id: "streak-3",
    name: "Spark",
    description: "Clear 3 days in a row.",
    rarity: "COMMON",
    trigger: { kind: "STREAK", threshold: 3 },
  },
  {
    id: "streak-7",
    name: "Week of Iron",
    description: "Clear 7 days in a row.",
    rarity: "COMMON",
    trigger: { kind: "STREAK", threshold: 7 },
  },
  {
    id: "streak-30",
    name: "Unbroken",
    description: "Clear 30 days in a row.",
    rarity: "RARE",
    trigger: { kind: "STREAK", threshold: 30 },
    title: "The Unbroken",
  },
  {
    id: "streak-100",
    name: "Relentless",
    description: "Clear 100 days in a row.",
    rarity: "EPIC",
    trigger: { kind: "STREAK", threshold: 100 },
    title: "Relentless",
  },
  {
    id: "streak-365",
    name: "Eternal Hunter",
    description: "Clear 365 days in a row.",
    rarity: "LEGENDARY",
    trigger: { kind: "STREAK", threshold: 365 },
    title: "Eternal Hunter",
  },

  // LEVEL
  {
    id: "level-5",
    name: "Rising Hunter",
    description: "Reach level 5.",
    rarity: "COMMON",
    trigger: { kind: "LEVEL", threshold: 5 },
  },
  {
    id: "level-10",
    name: "Seasoned",
    description: "Reach level 10.",
    rarity: "COMMON",
    trigger: { kind: "LEVEL", threshold: 10 },
  },
  {
    id: "level-25",
    name: "Veteran",
    description: "Reach level 25.",
    rarity: "RARE",
    trigger: { kind: "LEVEL", threshold: 25 },
    title: "Veteran",
  },
  {
    id: "level-50",
    name: "Elite",
    description: "Reach level 50.",
    rarity: "EPIC",
    trigger: { kind: "LEVEL", threshold: 50 },
    title: "Elite Hunter",
  },
  {
    id: "level-75",
    name: "Transcendent",
    description: "Reach level 75.",
    rarity: "LEGENDARY",
    trigger: { kind: "LEVEL", threshold: 75 },
    title: "Transcendent",
  },

  // RANK: promoted by passing a Rank Trial.
  {
    id: "rank-d",
    name: "D-Rank Hunter",
    description: "Pass the D-Rank Trial.",
    rarity: "COMMON",
    trigger: { kind: "RANK", rank: "D" },
  },
  {
    id: "rank-c",
    name: "C-Rank Hunter",
    description: "Pass the C-Rank Trial.",
    rarity: "RARE",
    trigger: { kind: "RANK", rank: "C" },
  },
  {
    id: "rank-b",
    name: "B-Rank Hunter",
    description: "Pass the B-Rank Trial.",
    rarity: "RARE",
    trigger: { kind: "RANK", rank: "B" },
    title: "B-Rank Hunter",
  },
  {
    id: "rank-a",
    name: "A-Rank Hunter",
    description: "Pass the A-Rank Trial.",
    rarity: "EPIC",
    trigger: { kind: "RANK", rank: "A" },
    title: "A-Rank Hunter",
  },
  {
    id: "rank-s",
    name: "S-Rank Hunter",
    description: "Pass the S-Rank Trial.",
    rarity: "LEGENDARY",
    trigger: { kind: "RANK", rank: "S" },
    title: "Shadow Monarch",
  },

  // QUEST_COUNT: check-ins on any quest.
  {
    id: "first-steps",
    name: "First Steps",
    description: "Complete your first quest.",
    rarity: "COMMON",
    trigger: { kind: "QUEST_COUNT", threshold: 1 },
  },
  {
    id: "quests-10",
    name: "Apprentice",
    description: "Complete 10 quests.",
    rarity: "COMMON",
    trigger: { kind: "QUEST_COUNT", threshold: 10 },
  },
  {
    id: "quests-100",
    name: "Centurion",
    description: "Complete 100 quests.",
    rarity: "RARE",
    trigger: { kind: "QUEST_COUNT", threshold: 100 },
    title: "Centurion",
  },
  {
    id: "quests-1000",
    name: "Thousand Trials",
    description: "Complete 1,000 quests.",
    rarity: "EPIC",
    trigger: { kind: "QUEST_COUNT", threshold: 1_000 },
    title: "Tireless",
  },

  // STAT: the highest of the five stats.
  {
    id: "stat-25",
    name: "Awakened Power",
    description: "Raise any stat to 25.",
    rarity: "COMMON",
    trigger: { kind: "STAT", threshold: 25 },
  },
  {
    id: "stat-50",
    name: "Peak Human",
    description: "Raise any stat to 50.",
    rarity: "RARE",
    trigger: { kind: "STAT", threshold: 50 },
  },
  {
    id: "stat-100",
    name: "Limit Breaker",
    description: "Raise any stat to 100.",
    rarity: "EPIC",
    trigger: { kind: "STAT", threshold: 100 },
    title: "Limit Breaker",
  },

  // SPECIAL
  {
    id: "the-awakened",
    name: "The Awakened",
    description: "Finish the Awakening.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "AWAKENING_COMPLETED" },
    reward: { gold: 100 },
    title: "The Awakened",
  },
  {
    id: "survivor",
    name: "Survivor",
    description: "Clear a Penalty Quest in time.",
    rarity: "RARE",
    trigger: { kind: "SPECIAL", event: "PENALTY_CLEARED" },
    title: "Survivor",
  },
  {
    id: "early-riser",
    name: "Early Riser",
    description: "Check in 10 times before 07:00.",
    rarity: "RARE",
    trigger: { kind: "EARLY_CHECK_INS", threshold: 10 },
    title: "Early Riser",
  },
  {
    id: "flawless-week",
    name: "Flawless Week",
    description: "Earn a perfect week: 7 cleared days in a row.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "PERFECT_WEEK" },
  },
  {
    id: "iron-will",
    name: "Iron Will",
    description: "Let a shield save your streak.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "SHIELD_SAVED_STREAK" },
  },
  {
    id: "safe-zone",
    name: "Safe Zone",
    description: "Plan a rest: recovery is training too.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "REST_TAKEN" },
  },
  {
    id: "know-thyself",
    name: "Know Thyself",
    description: "Read a Weekly System Report.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "WEEKLY_REPORT_READ" },
  },
  {
    id: "second-awakening",
    name: "Second Awakening",
    description: "Change your job.",
    rarity: "RARE",
    trigger: { kind: "SPECIAL", event: "JOB_CHANGED" },
  },
  {
    id: "quest-giver",
    name: "Quest Giver",
    description: "Create a quest of your own.",
    rarity: "COMMON",
    trigger: { kind: "SPECIAL", event: "QUEST_CREATED" },
  },
];

export const ACHIEVEMENTS: readonly Achievement[] = ENTRIES.map((entry) => ({
  ...entry,
  reward: entry.reward ?? REWARD[entry.rarity],
}));

/** The title an equipped achievement grants, or null. */
export function titleOf(achievementId: string | null): string | null {
  return ACHIEVEMENTS.find((a) => a.id === achievementId)?.title ?? null;
}
