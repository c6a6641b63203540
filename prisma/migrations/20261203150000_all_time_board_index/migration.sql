-- The all-time board's SQL fallback (lib/leaderboard/queries.ts): its top and "you are #n" read this index only.
CREATE INDEX "Player_leaderboardOptOut_xp_id_idx" ON "Player"("leaderboardOptOut", "xp" DESC, "id" DESC);
