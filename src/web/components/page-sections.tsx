import type { LoadedSection } from "../sections.js";

/** The anchor of a registered section's heading (the "Op deze pagina" list links to it). */
export const sectionAnchor = (id: string) => `sectie-${id}`;

/** The sections other modules registered for a page, each under its own level-2 heading. */
export function RegisteredSections({ sections }: { sections: readonly LoadedSection[] }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={sectionAnchor(s.id)}>
          <h2 class="nl-heading nl-heading--level-2" id={sectionAnchor(s.id)}>
            {s.heading}
          </h2>
          {s.content}
        </section>
      ))}
    </>
  );
}
