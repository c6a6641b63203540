import type { Metadata } from "next";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { getShop } from "@/lib/shop/queries";
import { ShopBoard } from "./shop-board";
import { RewardForm } from "./reward-form";

export const metadata: Metadata = { title: "Shop" };

/** Where gold goes: the Hunter's own rewards and the System's items, bought through the ledger. */
export default async function ShopPage() {
  const viewer = await requirePlayer("/shop");
  const { today } = await cachedPlayerStatus(viewer);
  const shop = await getShop(viewer.playerId, today);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Shop">
        <ShopBoard shop={shop} />
      </Panel>
      <Panel title="New reward">
        <RewardForm />
      </Panel>
    </main>
  );
}
