import type { ComponentChildren } from "preact";

/**
 * A box that may scroll sideways on a narrow screen (a table, a record's JSON): a named region
 * that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1; axe
 * scrollable-region-focusable), while the page itself never scrolls sideways.
 */
export function ScrollRegion(props: {
  label: string;
  class?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus
    <section class={props.class ?? "sk-scroll-region"} aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}
