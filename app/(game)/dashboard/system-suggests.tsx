import { IntentLink } from "@/components/nav/intent-link";
import { Panel } from "@/components/ui/panel";
import type { Recommendation } from "@/lib/insights/suggestions";
import { RecommendationList } from "../report/recommendations";

/** The status window's suggestions: the System's top two, one tap each, and the way to the weekly report. */
export function SystemSuggests({ items }: { items: Recommendation[] }) {
  if (items.length === 0) return null;
  return (
    <Panel title="The System suggests">
      <RecommendationList items={items.slice(0, 2)} />
      <IntentLink href="/report" className="mt-3 flex min-h-11 items-center text-system underline underline-offset-4">
        Read your System Report
      </IntentLink>
    </Panel>
  );
}
