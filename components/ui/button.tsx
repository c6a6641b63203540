import type { ButtonHTMLAttributes } from "react";

export function Button({ className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      className={`font-display min-h-11 border border-system bg-system/10 px-5 text-base font-bold tracking-wider text-system uppercase transition-colors hover:bg-system/20 disabled:cursor-wait disabled:opacity-60 ${className}`}
      {...props}
    />
  );
}
