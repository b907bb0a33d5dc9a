import type { ComponentChildren } from "preact";

/**
 * A map drawn as SVG in a figure: the image has a title and a description that screen readers
 * read (the figures themselves stand in the caption or a table beside it). The shapes, legend and
 * caption come from the page: the wijk map, a choropleth of an indicator.
 */
export function MapFigure(props: {
  /** Unique on the page: the title and description are referenced by these ids. */
  id: string;
  title: string;
  description: ComponentChildren;
  width: number;
  height: number;
  /** The shapes and labels inside the SVG. */
  children: ComponentChildren;
  caption: ComponentChildren;
}) {
  return (
    <figure class="sk-figure">
      <svg
        class="sk-map"
        viewBox={`0 0 ${props.width} ${props.height}`}
        role="img"
        aria-labelledby={`${props.id}-titel ${props.id}-omschrijving`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${props.id}-titel`}>{props.title}</title>
        <desc id={`${props.id}-omschrijving`}>{props.description}</desc>
        {props.children}
      </svg>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
