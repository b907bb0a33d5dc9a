-- Expressions are immutable (|| and coalesce, not concat_ws) so they can be indexed.
-- Full-text search over all policy texts in the Dutch configuration (reviewed custom migration:
-- Drizzle cannot express views over UNION ALL or expression GIN indexes). PostgreSQL 15 compatible.
CREATE VIEW "policy_search_items" AS
  SELECT 'document'::text AS item_type, d.id AS item_id, d.id AS document_id, d.title AS title,
         d.title || ' ' || d.intro AS body, d.archived AS archived
    FROM policy_documents d
  UNION ALL
  SELECT 'section', s.id, s.document_id, s.title, s.title || ' ' || s.body, s.archived
    FROM policy_sections s
  UNION ALL
  SELECT 'goal', g.id, g.document_id, g.text, g.text || ' ' || g.description || ' ' || coalesce(g.indicator_text, ''), g.archived
    FROM policy_goals g
  UNION ALL
  SELECT 'indicator', i.id, i.document_id, i.text, i.text, i.archived
    FROM policy_indicators i
  UNION ALL
  SELECT 'activity', a.id, a.document_id, a.text, a.text, a.archived
    FROM activities a
  UNION ALL
  SELECT 'realisation', y.id, coalesce(y.realisation_document_id, a.document_id), a.text,
         y.realisation_text, a.archived
    FROM activity_years y JOIN activities a ON a.id = y.activity_id
   WHERE y.realisation_text IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "policy_documents_fts_idx" ON "policy_documents" USING gin (to_tsvector('dutch'::regconfig, "title" || ' ' || "intro"));
--> statement-breakpoint
CREATE INDEX "policy_sections_fts_idx" ON "policy_sections" USING gin (to_tsvector('dutch'::regconfig, "title" || ' ' || "body"));
--> statement-breakpoint
CREATE INDEX "policy_goals_fts_idx" ON "policy_goals" USING gin (to_tsvector('dutch'::regconfig, "text" || ' ' || "description" || ' ' || coalesce("indicator_text", '')));
--> statement-breakpoint
CREATE INDEX "activities_fts_idx" ON "activities" USING gin (to_tsvector('dutch'::regconfig, "text"));
