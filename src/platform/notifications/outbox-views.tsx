import { formatDateTime, nl } from "../../i18n/nl.js";
import { Badge } from "../../web/components/badge.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { DataTable, EMPTY, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { OutboxStatus } from "./schema.js";

const t = nl.outbox;

export interface UnsentMail {
  id: string;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

/** /beheer/e-mail: mail that has not gone out, for a beheerder; never the message text. */
export function OutboxPage(props: { ctx: PageContext; rows: UnsentMail[]; paging: Paging }) {
  const { paging } = props;
  return (
    <Layout ctx={props.ctx} title={t.title} path="/beheer/e-mail" heading intro={t.intro}>
      {props.rows.length === 0 ? (
        <p class="nl-paragraph">{t.empty}</p>
      ) : (
        <DataTable
          caption={t.caption(paging.total)}
          columns={[
            t.created,
            t.recipient,
            t.subject,
            t.status,
            numeric(t.attempts),
            t.nextAttempt,
            t.lastError,
          ]}
          rows={props.rows.map((m) => ({
            key: m.id,
            cells: [
              formatDateTime(m.createdAt),
              m.recipient,
              m.subject,
              m.status === "failed" ? <Badge>{t.statuses.failed}</Badge> : t.statuses[m.status],
              String(m.attempts),
              m.status === "pending" ? formatDateTime(m.nextAttemptAt) : EMPTY,
              m.lastError ?? EMPTY,
            ],
          }))}
        />
      )}
      <Pagination
        page={paging.page}
        pages={paging.pages}
        hrefFor={(p) => `/beheer/e-mail?pagina=${p}`}
      />
    </Layout>
  );
}
