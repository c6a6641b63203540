"use server";
import { z } from "zod";
import { deleteAccount } from "@/lib/accounts/service";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { achievementsUnlockedBy } from "@/lib/achievements/service";
import { playerAction } from "@/lib/api/action";
import { AppError } from "@/lib/errors";
import {
  allocateStatsSchema,
  awakeningSchema,
  deleteAccountSchema,
  jobChangeSchema,
  notificationPrefsSchema,
  restPeriodSchema,
  signOutEverywhereSchema,
  updatePlayerSchema,
} from "@/lib/player/schemas";
import { getHunterName } from "@/lib/player/queries";
import {
  addRestPeriod,
  allocateStatPoints,
  bumpSessionVersion,
  changeJob,
  endRestPeriod,
  setNotificationPrefs,
  starterDailies,
  updatePlayer,
} from "@/lib/player/service";
import { revokeAllTokens } from "@/lib/tokens/service";
import { idSchema } from "@/lib/validation";

/** Awakening: name and zone confirmed, then the Job Change that creates the starter dailies and "The Awakened". */
export const awakenAction = playerAction(awakeningSchema, async (input, { playerId, now }) => {
  await updatePlayer(playerId, { hunterName: input.hunterName, timeZone: input.timeZone }, now);
  // Stats are the job's own; the Hunter only edits the titles and difficulties.
  const starters = starterDailies(input.job).map((quest, i) => ({ ...quest, ...input.starters[i] }));
  await changeJob(playerId, input.job, now, starters);
  // No revalidation: it would re-render /awakening, which sends an awakened Hunter away before the reward is shown.
  // The dashboard is rendered per request anyway.
  const unlocked = ACHIEVEMENTS.filter((a) => achievementsUnlockedBy("AWAKENING_COMPLETED").includes(a.id));
  return { job: input.job, unlocked: unlocked.map(({ name, reward }) => ({ name, reward })) };
});

/** Hunter name, time zone, day start, leaderboard opt-out, equipped title or AI opt-in: any subset. */
export const updatePlayerAction = playerAction(
  updatePlayerSchema,
  async (input, { playerId, now }) => {
    await updatePlayer(playerId, input, now);
    return null;
  },
  { revalidate: ["/settings", "/achievements", "/leaderboard", "/dashboard"] },
);

/** Settings → Job: a new job once every 30 days (docs/rules.md "Stats"); its first change unlocks Second Awakening. */
export const changeJobAction = playerAction(
  jobChangeSchema,
  async ({ job }, { playerId, now }) => changeJob(playerId, job, now),
  { revalidate: ["/settings", "/dashboard", "/achievements"] },
);

export const addRestPeriodAction = playerAction(
  restPeriodSchema,
  (input, { playerId, now }) => addRestPeriod(playerId, input, now),
  { revalidate: ["/settings"] },
);

/** Ends a rest period under way (it ends yesterday) or cancels one not started. */
export const endRestPeriodAction = playerAction(
  z.strictObject({ id: idSchema }),
  async ({ id }, { playerId, now }) => ({ status: (await endRestPeriod(playerId, id, now)).status }),
  { revalidate: ["/settings", "/dashboard"] },
);

export const setNotificationPrefsAction = playerAction(
  notificationPrefsSchema,
  async (input, { playerId }) => {
    await setNotificationPrefs(playerId, input);
    return null;
  },
  { revalidate: ["/settings"] },
);

/** Ends every session of this account, this one included, and its tokens when asked: the client signs out next. */
export const signOutEverywhereAction = playerAction(signOutEverywhereSchema, async ({ revokeTokens }, { playerId }) => {
  await bumpSessionVersion(playerId);
  if (revokeTokens) await revokeAllTokens(playerId, new Date());
  return null;
});

/** Deletes the account once the Hunter has typed their name; the client signs out next. */
export const deleteAccountAction = playerAction(deleteAccountSchema, async ({ confirmName }, { playerId }) => {
  const hunterName = await getHunterName(playerId);
  if (confirmName.trim() !== hunterName) {
    throw new AppError("VALIDATION_FAILED", "The name does not match", {
      confirmName: `Type ${hunterName} exactly to confirm`,
    });
  }
  await deleteAccount(playerId);
  return null;
});

/** Spends stat points earned by levelling up, e.g. { STR: 1 }. */
export const allocateStatPointsAction = playerAction(
  allocateStatsSchema,
  async (points, { playerId }) => {
    await allocateStatPoints(playerId, points);
    return null;
  },
  { revalidate: ["/dashboard"] },
);
