import { Countdown } from "@/components/status/countdown";

/** The Penalty Zone in blood red: what clears it and how long is left. */
export function PenaltyBanner(props: { title: string; progress: number; required: number; secondsLeft: number }) {
  return (
    <section
      aria-labelledby="penalty-title"
      className="border-2 border-blood bg-blood/10 p-4 text-center shadow-[0_0_24px_rgba(255,0,51,0.25)]"
    >
      <h2 id="penalty-title" className="font-display text-lg font-bold tracking-widest text-[#ff6680] uppercase">
        Penalty Zone · {props.title}
      </h2>
      <p className="mt-1 text-slate-100">
        Complete {props.required} {props.required === 1 ? "quest" : "quests"} to survive:{" "}
        <strong data-testid="penalty-progress">
          {props.progress} of {props.required} done
        </strong>
        . Dailies and to-dos count; habit taps do not. Rewards are held until then; failing costs XP and gold.
      </p>
      <p className="mt-1 font-bold text-[#ff6680]">
        <Countdown seconds={props.secondsLeft} prefix="Time left:" />
      </p>
    </section>
  );
}
