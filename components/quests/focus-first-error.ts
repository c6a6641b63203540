/** After a failed submit, moves focus to the first field marked invalid so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    form
      ?.querySelector<HTMLElement>(
        'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], fieldset[aria-invalid="true"] input',
      )
      ?.focus();
  });
}
