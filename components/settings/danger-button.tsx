import type { ButtonHTMLAttributes } from "react";

/** A destructive action: blood-red frame, the lighter red for text so it stays readable on the void. */
export function DangerButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      className="font-display min-h-11 border border-blood bg-blood/10 px-5 text-base font-bold tracking-wider text-[#ff6680] uppercase transition-colors hover:bg-blood/20 disabled:cursor-wait disabled:opacity-60"
      {...props}
    />
  );
}
