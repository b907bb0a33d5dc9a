import { Fragment } from "preact";
import { formatDateTime, nl } from "../../i18n/nl.js";
import { Badge } from "../../web/components/badge.js";
import { ActionForm, RowActionForm } from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { NotificationRow } from "./repository.js";

const t = nl.notifications;

export const notificationsHref = (page: number) =>
  page > 1 ? `/meldingen?pagina=${page}` : "/meldingen";

/** The text of a message in paragraphs: a blank line in the text starts a new one. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * A message in its table cell: phrasing content only (the cell is a span), so its paragraphs and
 * link each start on a new line.
 */
function Message({ n }: { n: NotificationRow }) {
  return (
    <>
      <strong>{n.subject}</strong>
      {paragraphs(n.body).map((p, i) => (
        <Fragment key={i}>
          <br />
          {p}
        </Fragment>
      ))}
      {n.link ? (
        <>
          <br />
          <a class="nl-link" href={n.link}>
            {t.open}
            <span class="sk-visually-hidden">: {n.subject}</span>
          </a>
        </>
      ) : null}
    </>
  );
}

/** /meldingen: the account's messages, newest first, unread ones marked and markable. */
export function NotificationsPage(props: {
  ctx: PageContext;
  rows: NotificationRow[];
  paging: Paging;
  unread: number;
}) {
  const { ctx, paging } = props;
  return (
    <Layout ctx={ctx} title={t.title} path="/meldingen" heading intro={t.intro}>
      {props.unread > 0 ? (
        <ActionForm
          csrfToken={ctx.csrfToken}
          action="/meldingen/gelezen"
          label={t.markAll}
          help={t.markAllHelp}
          id="alles-gelezen"
        />
      ) : null}
      {props.rows.length === 0 ? (
        <p class="nl-paragraph">{t.empty}</p>
      ) : (
        <DataTable
          caption={t.caption(paging.total)}
          columns={[t.received, t.message, t.status, t.action]}
          rows={props.rows.map((n) => ({
            key: n.id,
            cells: [
              formatDateTime(n.createdAt),
              <Message key="bericht" n={n} />,
              n.readAt ? t.read : <Badge>{t.unread}</Badge>,
              n.readAt ? null : (
                <RowActionForm
                  csrfToken={ctx.csrfToken}
                  action={`/meldingen/${n.id}/gelezen`}
                  label={t.markRead}
                  rowName={n.subject}
                >
                  <input type="hidden" name="pagina" value={String(paging.page)} />
                </RowActionForm>
              ),
            ],
          }))}
        />
      )}
      <Pagination page={paging.page} pages={paging.pages} hrefFor={notificationsHref} />
    </Layout>
  );
}
