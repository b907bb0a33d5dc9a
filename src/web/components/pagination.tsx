import { nl } from "../../i18n/nl.js";

/** Where a paged list stands: the number of rows in all, this page and how many pages there are. */
export interface Paging {
  total: number;
  page: number;
  pages: number;
}

export function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (p: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav class="utrecht-pagination" aria-label={nl.pagination.label}>
      <span class="utrecht-pagination__before">
        {page > 1 ? (
          <a class="nl-link utrecht-pagination__relative-link" href={hrefFor(page - 1)} rel="prev">
            {nl.pagination.previous}
          </a>
        ) : null}
      </span>
      <span class="utrecht-pagination__pages"> {nl.pagination.pageOf(page, pages)} </span>
      <span class="utrecht-pagination__after">
        {page < pages ? (
          <a class="nl-link utrecht-pagination__relative-link" href={hrefFor(page + 1)} rel="next">
            {nl.pagination.next}
          </a>
        ) : null}
      </span>
    </nav>
  );
}
