import { IntentLink } from "@/components/nav/intent-link";

/**
 * The way back to the status window at the foot of a game page. It fetches the dashboard when the Hunter reaches for
 * it, as the header's way home does: in view, it asked the server for the whole dashboard on every page it ends.
 */
export function BackToStatus() {
  return (
    <IntentLink href="/dashboard" className="flex min-h-11 items-center text-system underline underline-offset-4">
      Back to status
    </IntentLink>
  );
}
