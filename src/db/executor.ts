import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { NodePgDatabase, NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema.js";

type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
export type Tx = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/**
 * What repositories take: the database or an open transaction. Inside a transaction pass only the
 * transaction handle — PGlite has one connection and a query on the outer handle deadlocks.
 */
export type Executor = Db | Tx;
