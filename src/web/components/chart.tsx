import type { ComponentChildren } from "preact";

/** Below this width a page gets a chart's narrow drawing (the breakpoint of the page layout). */
const NARROW = "(max-width: 40em)";

/**
 * A chart as a server-drawn SVG image in a figure, with the table of its numbers after it: the
 * image is for seeing the shape, the table for reading (and for screen readers and copying).
 * A phone gets the chart drawn at its width with larger text: scaled down, the wide drawing's
 * labels would be a few pixels high. A media query picks it, no script.
 */
export function ChartFigure(props: {
  /** The wide drawing; `narrowSrc` is the same chart drawn for a phone. */
  src: string;
  narrowSrc: string;
  alt: string;
  width: number;
  height?: number | undefined;
  narrow?: { width: number; height: number } | undefined;
  caption?: ComponentChildren;
  /** The table with the chart's numbers. */
  children?: ComponentChildren;
}) {
  return (
    <>
      <figure class="sk-figure">
        <picture>
          <source
            media={NARROW}
            srcset={props.narrowSrc}
            width={props.narrow?.width}
            height={props.narrow?.height}
          />
          <img
            src={props.src}
            alt={props.alt}
            width={props.width}
            height={props.height}
            class="sk-chart"
          />
        </picture>
        {props.caption ? <figcaption class="nl-paragraph">{props.caption}</figcaption> : null}
      </figure>
      {props.children}
    </>
  );
}
