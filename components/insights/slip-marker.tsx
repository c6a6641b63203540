/** The dashboard's at-risk mark on a daily: "likely to slip: usually done by 08:00". */
export function SlipMarker({ text }: { text: string }) {
  return (
    <span className="block text-xs text-amber-300" data-testid="slip-marker">
      <span aria-hidden>⚠ </span>
      {text}
    </span>
  );
}
