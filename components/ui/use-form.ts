"use client";
import { startTransition, useActionState, useState, useTransition } from "react";
import type { SystemMessage } from "@/components/ui/system-status";
import type { ActionResult } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation";

const INVALID =
  'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], fieldset[aria-invalid="true"] input';

/**
 * After a failed submit, moves focus to the first field marked invalid so keyboard and screen-reader users land on
 * it. The errors are set inside a transition, which React may commit a few frames later on a busy device: look
 * again each frame, for up to about a second.
 */
function focusFirstError(form: HTMLElement | null, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>(INVALID);
    if (field) field.focus();
    else if (framesLeft > 0) focusFirstError(form, framesLeft - 1);
  });
}

/**
 * One form's state: its field errors, the System's reply and whether an action is under way. `run` calls a Server
 * Action; a failure shows one error at a time (the fields' own messages, or the System's when no field is to blame)
 * and focuses the first invalid field; a success clears the errors and shows what `onSuccess` says (if anything).
 */
export function useForm() {
  // A callback ref (the state setter) rather than a ref object: the form is read only when an action fails.
  const [element, attach] = useState<HTMLFormElement | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<SystemMessage>(null);
  const [pending, startTransition] = useTransition();

  function fail(fieldErrors: FieldErrors, text: string) {
    setErrors(fieldErrors);
    setMessage(Object.keys(fieldErrors).length > 0 ? null : { text, error: true });
    focusFirstError(element);
  }

  function run<T>(
    action: () => Promise<ActionResult<T>>,
    onSuccess?: (data: T) => SystemMessage | void | Promise<SystemMessage | void>,
  ) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return fail(result.fieldErrors ?? {}, result.error);
      setErrors({});
      setMessage((await onSuccess?.(result.data)) ?? null);
    });
  }

  /** Forgets one field's error, e.g. once the Hunter has fixed what it asked for. */
  function clearError(name: string) {
    setErrors((current) => {
      if (!(name in current)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
  }

  // The form element is attached once the page has hydrated: until then its fields are not React's yet.
  return { attach, ready: element !== null, errors, message, setMessage, pending, run, fail, clearError };
}

/**
 * A signed-out form bound to a `formAction` through useActionState (it works before the page has hydrated too):
 * its field errors, the System's reply when no field is to blame, and a submit handler that keeps what the player
 * typed when the System refuses it.
 */
export function useFormAction<T>(
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
) {
  const [state, submit, pending] = useActionState(action, null);
  const errors: FieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const failure = state && !state.ok && !state.fieldErrors ? state.error : null;
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => submit(form));
  }
  return { done: state?.ok === true, data: state?.ok ? state.data : null, errors, failure, pending, onSubmit };
}
