"use client";
import { useTransition, useState } from "react";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import type { ActionResult } from "@/lib/errors";
import { buyAction, removeRewardAction, undoPurchaseAction } from "@/lib/shop/actions";
import type { getShop } from "@/lib/shop/queries";
import { SHIELD_PRICE } from "@/lib/shop/rules";

type Shop = Awaited<ReturnType<typeof getShop>>;

const gold = (amount: number) => `${amount.toLocaleString("en")} gold`;

/** Gold, the System's items, the Hunter's rewards and today's purchases with their undo. */
export function ShopBoard({ shop }: { shop: Shop }) {
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, said: (data: T) => string) {
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { text: said(result.data), error: false } : { text: result.error, error: true });
    });
  }
  const buy = (title: string, input: Parameters<typeof buyAction>[0]) =>
    run(
      () => buyAction(input),
      (p) => `[SYSTEM] '${title}' bought for ${gold(p.price)}. Enjoy it, Hunter.`,
    );

  return (
    <div className="flex flex-col gap-5" aria-busy={pending}>
      <p className="text-center text-lg text-slate-100">
        You have{" "}
        <strong className="text-gold" data-testid="shop-gold">
          {gold(shop.gold)}
        </strong>
      </p>
      <SystemStatus message={message} />
      <section aria-labelledby="shop-system" className="flex flex-col gap-2">
        <h2 id="shop-system" className="font-display text-sm font-bold tracking-widest text-mist uppercase">
          The System&apos;s items
        </h2>
        <div className="flex flex-wrap items-center gap-3 border border-system/20 px-3 py-2">
          <span className="min-w-0 flex-1">
            <span className="block text-slate-100">Streak shield</span>
            <span className="text-xs text-slate-400">Covers one failed day. You hold {shop.shields} of 2.</span>
          </span>
          <button
            type="button"
            disabled={pending || shop.shields >= 2 || shop.gold < SHIELD_PRICE}
            onClick={() => buy("Streak shield", { item: "STREAK_SHIELD", idempotencyKey: crypto.randomUUID() })}
            aria-label={`Buy a streak shield for ${gold(SHIELD_PRICE)}`}
            className="min-h-11 border border-gold px-3 text-sm font-bold whitespace-nowrap text-gold disabled:opacity-50"
          >
            {gold(SHIELD_PRICE)}
          </button>
        </div>
      </section>
      <section aria-labelledby="shop-rewards" className="flex flex-col gap-2">
        <h2 id="shop-rewards" className="font-display text-sm font-bold tracking-widest text-mist uppercase">
          Your rewards
        </h2>
        {shop.rewards.length === 0 ? (
          <p className="text-sm text-slate-400">None yet: add a treat below and price it in gold.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {shop.rewards.map((reward) => (
              <li key={reward.id} className="flex flex-wrap items-center gap-2 border border-system/20 px-3 py-1">
                <span className="min-w-0 flex-1 text-slate-100">{reward.title}</span>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    run(
                      () => removeRewardAction({ id: reward.id }),
                      () => `[SYSTEM] '${reward.title}' taken out of the shop.`,
                    )
                  }
                  aria-label={`Remove ${reward.title}`}
                  className="min-h-11 px-2 text-sm text-mist underline"
                >
                  Remove
                </button>
                <button
                  type="button"
                  disabled={pending || shop.gold < reward.price}
                  onClick={() =>
                    buy(reward.title, { item: "REWARD", rewardId: reward.id, idempotencyKey: crypto.randomUUID() })
                  }
                  aria-label={`Buy ${reward.title} for ${gold(reward.price)}`}
                  className="min-h-11 border border-gold px-3 text-sm font-bold whitespace-nowrap text-gold disabled:opacity-50"
                >
                  {gold(reward.price)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {shop.today.length > 0 && (
        <section aria-labelledby="shop-today" className="flex flex-col gap-2">
          <h2 id="shop-today" className="font-display text-sm font-bold tracking-widest text-mist uppercase">
            Bought today
          </h2>
          <ul className="flex flex-col gap-2">
            {shop.today.map((purchase) => (
              <li key={purchase.id} className="flex items-center gap-2 border border-system/10 px-3 py-1 text-sm">
                <span
                  className={`min-w-0 flex-1 ${purchase.undone ? "text-slate-400 line-through" : "text-slate-100"}`}
                >
                  {purchase.title} · {gold(purchase.price)}
                </span>
                {!purchase.undone && (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      run(
                        () => undoPurchaseAction({ id: purchase.id }),
                        (p) => `[SYSTEM] '${p.title}' undone: ${gold(p.price)} back.`,
                      )
                    }
                    aria-label={`Undo ${purchase.title}`}
                    className="min-h-11 px-2 text-mist underline"
                  >
                    Undo
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
