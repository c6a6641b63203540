const INVALID =
  'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], fieldset[aria-invalid="true"] input';

/**
 * After a failed submit, moves focus to the first field marked invalid so keyboard and screen-reader users land on
 * it. The errors are set inside a transition, which React may commit a few frames later on a busy device: look
 * again each frame, for up to about a second.
 */
export function focusFirstError(form: HTMLElement | null, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>(INVALID);
    if (field) field.focus();
    else if (framesLeft > 0) focusFirstError(form, framesLeft - 1);
  });
}
