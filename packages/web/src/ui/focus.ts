/** Keyboard focus for the preferences dialog: where it was before, and kept inside while open. */

/** The focused element, looking into shadow roots (ours included). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/** The elements Tab reaches inside `container`, in order (closed `<details>` hide theirs). */
export function focusables(container: Element): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>("a[href],button,summary")).filter(
    (element) => !(element as HTMLButtonElement).disabled && element.checkVisibility(),
  );
}

/** Tab from the last element goes to the first, Shift+Tab from the first to the last. */
export function trapFocus(container: HTMLElement): void {
  container.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const elements = focusables(container);
    const active = deepActiveElement();
    const target = event.shiftKey
      ? active === elements[0] && elements[elements.length - 1]
      : active === elements[elements.length - 1] && elements[0];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });
}
