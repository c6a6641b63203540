import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lockPlayer, post } from "@/lib/ledger/service";
import { getShop } from "@/lib/shop/queries";
import { SHIELD_PRICE } from "@/lib/shop/rules";
import { buy, createReward, removeReward, undoPurchase } from "@/lib/shop/service";
import { expectAppError, ledgerSum, makePlayer, utc } from "@/tests/support/factories";

const NOON = utc("2040-03-05", "12:00");

/** Gold credited the way the game credits it: through the ledger. */
async function giveGold(playerId: string, gold: number) {
  await db.$transaction(async (tx) =>
    post(tx, await lockPlayer(tx, playerId), { reason: "AWARD", dayKey: "2040-03-05", gold }),
  );
}

const totals = (playerId: string) =>
  db.player.findUniqueOrThrow({ where: { id: playerId }, select: { gold: true, shields: true } });

describe("the shop", () => {
  it("sells a reward through the ledger, once per key, and gives the gold back on the same day", async () => {
    const { playerId } = await makePlayer();
    await giveGold(playerId, 120);
    const episode = await createReward(playerId, { title: "Watch an episode", price: 50 });
    const input = { item: "REWARD" as const, rewardId: episode.id, idempotencyKey: "buy-episode-1" };

    const bought = await buy(playerId, input, NOON);
    expect(await buy(playerId, input, NOON)).toEqual(bought);
    expect(await totals(playerId)).toMatchObject({ gold: 70 });
    expect(await ledgerSum(playerId, ["SHOP"])).toMatchObject({ entries: 1, gold: -50 });
    expect((await getShop(playerId, "2040-03-05")).today).toEqual([bought]);

    const undone = await undoPurchase(playerId, bought.id, utc("2040-03-05", "18:00"));
    expect(undone.undone).toBe(true);
    expect(await totals(playerId)).toMatchObject({ gold: 120 });
    expect(await ledgerSum(playerId, ["SHOP"])).toMatchObject({ entries: 2, gold: 0 });
    await expectAppError(undoPurchase(playerId, bought.id, utc("2040-03-05", "18:01")), "CONFLICT");
  });

  it("refuses what gold cannot cover, a key reused for another item, and an undo on a later day", async () => {
    const { playerId } = await makePlayer();
    await giveGold(playerId, 60);
    const cheap = await createReward(playerId, { title: "Coffee out", price: 40 });
    const dear = await createReward(playerId, { title: "New game", price: 500 });
    const refused = await expectAppError(
      buy(playerId, { item: "REWARD", rewardId: dear.id, idempotencyKey: "dear-1" }, NOON),
      "CONFLICT",
    );
    expect(refused.message).toBe("Not enough gold: 440 more needed");
    const bought = await buy(playerId, { item: "REWARD", rewardId: cheap.id, idempotencyKey: "cheap-1" }, NOON);
    await expectAppError(
      buy(playerId, { item: "STREAK_SHIELD", idempotencyKey: "cheap-1" }, NOON),
      "VALIDATION_FAILED",
    );
    await expectAppError(undoPurchase(playerId, bought.id, utc("2040-03-06", "09:00")), "CONFLICT");
    expect(await totals(playerId)).toMatchObject({ gold: 20 });
  });

  it("sells streak shields up to the hold limit, and takes one back only while it is held", async () => {
    const { playerId } = await makePlayer();
    await giveGold(playerId, 3 * SHIELD_PRICE);
    const first = await buy(playerId, { item: "STREAK_SHIELD", idempotencyKey: "shield-1" }, NOON);
    await buy(playerId, { item: "STREAK_SHIELD", idempotencyKey: "shield-2" }, NOON);
    expect(await totals(playerId)).toMatchObject({ shields: 2, gold: SHIELD_PRICE });
    await expectAppError(buy(playerId, { item: "STREAK_SHIELD", idempotencyKey: "shield-3" }, NOON), "CONFLICT");

    await undoPurchase(playerId, first.id, NOON);
    expect(await totals(playerId)).toMatchObject({ shields: 1, gold: 2 * SHIELD_PRICE });
    await db.player.update({ where: { id: playerId }, data: { shields: 0 } }); // spent by a failed day
    const second = (await getShop(playerId, "2040-03-05")).today.find((p) => !p.undone)!;
    await expectAppError(undoPurchase(playerId, second.id, NOON), "CONFLICT");
  });

  it("keeps every Hunter's rewards and purchases their own (404), and removes a reward from the shop only", async () => {
    const [me, other] = [await makePlayer(), await makePlayer()];
    await giveGold(other.playerId, 100);
    const theirs = await createReward(other.playerId, { title: "Theirs", price: 10 });
    await expectAppError(
      buy(me.playerId, { item: "REWARD", rewardId: theirs.id, idempotencyKey: "steal-1" }, NOON),
      "NOT_FOUND",
    );
    await expectAppError(removeReward(me.playerId, theirs.id, NOON), "NOT_FOUND");
    const bought = await buy(other.playerId, { item: "REWARD", rewardId: theirs.id, idempotencyKey: "own-1" }, NOON);
    await expectAppError(undoPurchase(me.playerId, bought.id, NOON), "NOT_FOUND");

    await removeReward(other.playerId, theirs.id, NOON);
    const shop = await getShop(other.playerId, "2040-03-05");
    expect(shop.rewards).toEqual([]);
    expect(shop.today.map((p) => p.title)).toEqual(["Theirs"]);
  });
});
