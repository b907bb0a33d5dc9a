import type { ComponentChildren } from "preact";

/** A small label; the text carries the meaning, colour only supports it. */
export function Badge({
  children,
  variant,
}: {
  children: ComponentChildren;
  variant?: "assumption" | "info";
}) {
  return <span class={`nl-data-badge sk-badge sk-badge--${variant ?? "info"}`}>{children}</span>;
}
