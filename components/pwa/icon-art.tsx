/**
 * The System's mark for PNG icons rendered by next/og: the dark void, a cyan bracket frame and an "S".
 * `safeZone` shrinks the art into the inner 80% circle that maskable icons promise to keep visible.
 */
export function IconArt({ size, safeZone = false }: { size: number; safeZone?: boolean }) {
  const inset = Math.round(size * (safeZone ? 0.2 : 0.12));
  const arm = Math.round(size * (safeZone ? 0.2 : 0.26));
  const stroke = Math.max(2, Math.round(size * 0.045));
  const corner = (position: Record<string, number>, edges: Record<string, string>) => (
    <div style={{ position: "absolute", width: arm, height: arm, ...position, ...edges }} />
  );
  const line = `${stroke}px solid #00d9ff`;
  return (
    <div
      style={{
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        position: "relative",
        background: "#020617",
      }}
    >
      {corner({ top: inset, left: inset }, { borderTop: line, borderLeft: line })}
      {corner({ bottom: inset, right: inset }, { borderBottom: line, borderRight: line })}
      <div
        style={{
          display: "flex",
          color: "#00d9ff",
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
