/**
 * The System's mark for PNG icons rendered by next/og: the dark void, a cyan bracket frame and an "S".
 * `safeZone` shrinks the art into the inner 80% circle that maskable icons promise to keep visible. `badge` draws it
 * white on transparent: Android shows a notification's badge as a silhouette, by its alpha alone.
 */
export function IconArt({
  size,
  safeZone = false,
  badge = false,
}: {
  size: number;
  safeZone?: boolean;
  badge?: boolean;
}) {
  const inset = Math.round(size * (safeZone ? 0.2 : 0.12));
  const arm = Math.round(size * (safeZone ? 0.2 : 0.26));
  const stroke = Math.max(2, Math.round(size * 0.045));
  const corner = (position: Record<string, number>, edges: Record<string, string>) => (
    <div style={{ position: "absolute", width: arm, height: arm, ...position, ...edges }} />
  );
  const ink = badge ? "#ffffff" : "#00d9ff";
  const line = `${stroke}px solid ${ink}`;
  return (
    <div
      style={{
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        position: "relative",
        background: badge ? "transparent" : "#020617",
      }}
    >
      {corner({ top: inset, left: inset }, { borderTop: line, borderLeft: line })}
      {corner({ bottom: inset, right: inset }, { borderBottom: line, borderRight: line })}
      <div
        style={{
          display: "flex",
          color: ink,
          fontSize: Math.round(size * (safeZone ? 0.38 : 0.5)),
          fontWeight: 700,
          lineHeight: 1,
        }}
      >
        S
      </div>
    </div>
  );
}
