const number = new Intl.NumberFormat("en");

/** "[SYSTEM] Achievement unlocked: The Awakened (+100 gold). Your Job Change is complete: you are an Assassin." */
export function awakeningText(unlocked: { name: string; reward: { xp?: number; gold?: number } }[], job: string) {
  const rewards = unlocked.map(({ name, reward }) => {
    const parts = [
      reward.xp && `+${number.format(reward.xp)} XP`,
      reward.gold && `+${number.format(reward.gold)} gold`,
    ];
    const gained = parts.filter(Boolean).join(", ");
    return gained ? `${name} (${gained})` : name;
  });
  const unlocks =
    rewards.length > 0 ? `Achievement${rewards.length > 1 ? "s" : ""} unlocked: ${rewards.join(", ")}. ` : "";
  const article = /^[AEIOU]/i.test(job) ? "an" : "a";
  return `[SYSTEM] ${unlocks}Your Job Change is complete: you are ${article} ${job}.`;
}
