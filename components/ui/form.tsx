"use client";
import type { FormHTMLAttributes } from "react";
import type { useForm } from "@/components/ui/use-form";

/**
 * A form run by useForm. Its fields stay disabled until the page has hydrated: a choice made before then would show
 * on screen but not in React's state (the form would send what the page was served with), and a submit before then
 * would be the browser's own, with every field in the URL.
 */
export function Form({
  form: { attach, ready, pending },
  children,
  ...props
}: FormHTMLAttributes<HTMLFormElement> & { form: ReturnType<typeof useForm> }) {
  return (
    <form ref={attach} aria-busy={pending} {...props}>
      <fieldset disabled={!ready} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
