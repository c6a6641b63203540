type Result = {
  status: "CLEARED" | "FAILED";
  fineXp: number;
  fineGold: number;
  returnedXp: number;
  returnedGold: number;
};

/** How the last Survival Quest ended, said once on the day after. */
export function PenaltyResult({ result }: { result: Result }) {
  if (result.status === "CLEARED") {
    return (
      <p className="border border-gold/60 p-3 text-center text-gold" data-testid="penalty-result">
        [SYSTEM] You survived the Penalty Zone. Held rewards were released: +{result.returnedXp} XP, +
        {result.returnedGold} gold.
      </p>
    );
  }
  const returned =
    result.returnedXp > 0 || result.returnedGold > 0
      ? ` Half of what you earned inside was returned: +${result.returnedXp} XP, +${result.returnedGold} gold.`
      : "";
  return (
    <p className="border-2 border-blood bg-blood/10 p-3 text-center text-[#ff6680]" data-testid="penalty-result">
      [SYSTEM] You failed to survive. The Penalty Zone took −{result.fineXp} XP and −{result.fineGold} gold.
      {returned}
    </p>
  );
}
