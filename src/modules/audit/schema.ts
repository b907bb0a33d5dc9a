import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { municipality } from "../../db/columns.js";

export const AUDIT_ACTIONS = ["create", "update", "delete"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntries = pgTable(
  "audit_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    municipalityCode: municipality(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for the system itself (start-up, data loads). */
    actorId: uuid(),
    actorName: text().notNull(),
    action: text().$type<AuditAction>().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    summary: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    check("audit_entries_action_check", sql`${t.action} in ('create', 'update', 'delete')`),
    index("audit_entries_occurred_idx").on(t.occurredAt),
    index("audit_entries_entity_idx").on(t.entityType, t.entityId),
  ],
);
