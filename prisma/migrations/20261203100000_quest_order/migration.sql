-- The Hunter's own order of their quests (quests screen, dashboard); null sorts after, by creation.
ALTER TABLE "Quest" ADD COLUMN "position" INTEGER;
