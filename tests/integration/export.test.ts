import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportCheckInsCsv, exportPlayer } from "@/lib/export/queries";
import { checkInAt, EPOCH, makePlayer, makeQuest, utc } from "@/tests/support/factories";

describe("export", () => {
  it("holds everything the player owns and no secrets", async () => {
    const { playerId, email } = await makePlayer();
    const quest = await makeQuest(playerId, { title: "Read" }, EPOCH);
    await checkInAt(playerId, quest.id, utc("2040-03-05", "09:00"));
    await db.apiToken.create({ data: { playerId, name: "script", tokenHash: `hash-${playerId}` } });
    const other = await makePlayer();
    await makeQuest(other.playerId, { title: "Not mine" }, EPOCH);

    const data = await exportPlayer(playerId, utc("2040-03-05", "10:00"));
    expect(data.account.email).toBe(email);
    expect(data.quests.map((q) => q.title)).toEqual(["Read"]);
    expect(data.checkIns).toHaveLength(1);
    expect(data.ledger.length).toBeGreaterThan(0);
    expect(data.apiTokens).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain(`hash-${playerId}`);
    expect(text).not.toContain("Not mine");
  });

  it("writes the check-ins as CSV with quoted titles and defused formulas", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId, { kind: "HABIT", title: '=SUM(A1), "quoted"' }, EPOCH);
    await checkInAt(playerId, quest.id, utc("2040-03-05", "09:00"));

    const lines = (await exportCheckInsCsv(playerId)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,questId,questTitle,dayKey,happenedAt,source,value,undone,note");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=SUM(A1), ""quoted"""`);
    expect(lines[1]).toContain(",2040-03-05,2040-03-05T09:00:00.000Z,LIVE,,false");
  });
});
