/** An open Rank Trial: how many dailies already meet the strength it asks for. */
export function RankTrial(props: {
  targetRank: string;
  dailies: number;
  minStrength: number;
  minPlayerStreak: number;
  qualifyingDailies: number;
  streak: number;
}) {
  const done = Math.min(props.qualifyingDailies, props.dailies);
  return (
    <section aria-labelledby="trial-title" className="border border-gold/60 p-4">
      <h2 id="trial-title" className="font-display font-bold tracking-widest text-gold uppercase">
        Rank Trial: {props.targetRank}-Rank
      </h2>
      <p className="mt-1 text-sm text-slate-200">
        {done} of {props.dailies} active dailies at strength {Math.round(props.minStrength * 100)}% or more
        {props.minPlayerStreak > 0 && `, and a streak of ${props.minPlayerStreak} days (now ${props.streak})`}. Judged
        at each rollover.
      </p>
      <div
        role="progressbar"
        aria-label="Rank Trial progress"
        aria-valuemin={0}
        aria-valuemax={props.dailies}
        aria-valuenow={done}
        className="mt-2 h-2 border border-gold/40"
      >
        <div className="h-full bg-gold" style={{ width: `${(done / props.dailies) * 100}%` }} />
      </div>
    </section>
  );
}
