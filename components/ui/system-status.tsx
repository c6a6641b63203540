export type SystemMessage = { text: string; error: boolean } | null;

/** The System's reply to an action, announced politely; errors in red text that keeps its contrast. */
export function SystemStatus({ message }: { message: SystemMessage }) {
  return (
    <p role="status" aria-live="polite" className={message?.error ? "text-sm text-[#ff6680]" : "text-sm text-system"}>
      {message?.text}
    </p>
  );
}
