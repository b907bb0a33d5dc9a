import type { ComponentChildren } from "preact";

/**
 * A bulleted list, or the sentence that says there is nothing to list (or nothing at all without
 * one). Plain strings list as they are; `item` renders anything else.
 */
export function BulletList<T>(props: {
  items: readonly T[];
  item?: (item: T) => ComponentChildren;
  keyOf?: (item: T) => string | number;
  empty?: string;
}) {
  if (props.items.length === 0)
    return props.empty ? <p class="nl-paragraph">{props.empty}</p> : null;
  return (
    <ul>
      {props.items.map((x, i) => (
        <li key={props.keyOf ? props.keyOf(x) : i}>{props.item ? props.item(x) : String(x)}</li>
      ))}
    </ul>
  );
}

/** A bold run-in label above a list, where a heading would be too heavy. */
export function LabelledList<T>(props: {
  label: ComponentChildren;
  items: readonly T[];
  item: (item: T) => ComponentChildren;
  keyOf: (item: T) => string | number;
}) {
  if (props.items.length === 0) return null;
  return (
    <>
      <p class="nl-paragraph">
        <strong>{props.label}</strong>
      </p>
      <BulletList items={props.items} item={props.item} keyOf={props.keyOf} />
    </>
  );
}

/** One term of a definition list (dl) and what it says. */
export function Definition({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Links side by side, e.g. the documents a definition names. */
export function LinkList({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <>
      {links.map((l, i) => (
        <span key={l.href}>
          {i > 0 ? ", " : ""}
          <a class="nl-link" href={l.href}>
            {l.label}
          </a>
        </span>
      ))}
    </>
  );
}
