-- Custom migration (reviewed): public pages and the public API name a role or an organisation, never
-- a person (issue "Accounts and API tokens", item 6). Histories written before this stored the
-- username; the person stays in the audit trail (audit_entries), which only a beheerder reads.
-- Only accounts with policy.edit (beheerder, beleidsmedewerker) could write these rows.
UPDATE "activity_status_changes" AS c
SET "actor_name" = CASE
  WHEN c."actor_id" IS NULL THEN 'Gemeente'
  WHEN EXISTS (SELECT 1 FROM "account_roles" r WHERE r."account_id" = c."actor_id" AND r."role" = 'beheerder') THEN 'Gemeente (beheerder)'
  WHEN EXISTS (SELECT 1 FROM "account_roles" r WHERE r."account_id" = c."actor_id" AND r."role" = 'beleidsmedewerker') THEN 'Gemeente (beleidsmedewerker)'
  ELSE 'Gemeente'
END;
--> statement-breakpoint
UPDATE "policy_document_snapshots" SET "actor_name" = 'Gemeente';
--> statement-breakpoint
UPDATE "policy_document_snapshots"
SET "content" = regexp_replace("content"::text, 'Toegevoegd door [^"\\]*', 'Toegevoegd door de gemeente', 'g')::jsonb
WHERE "content"::text LIKE '%Toegevoegd door %';
--> statement-breakpoint
UPDATE "measurement_corrections" SET "actor_name" = 'Gemeente';
--> statement-breakpoint
UPDATE "policy_sections" SET "source" = 'Toegevoegd door de gemeente' WHERE "source" LIKE 'Toegevoegd door %';
--> statement-breakpoint
UPDATE "policy_goals" SET "source" = 'Toegevoegd door de gemeente' WHERE "source" LIKE 'Toegevoegd door %';
--> statement-breakpoint
UPDATE "policy_indicators" SET "source" = 'Toegevoegd door de gemeente' WHERE "source" LIKE 'Toegevoegd door %';
--> statement-breakpoint
UPDATE "activities" SET "source" = 'Toegevoegd door de gemeente' WHERE "source" LIKE 'Toegevoegd door %';
--> statement-breakpoint
UPDATE "partnerships" SET "source" = 'Toegevoegd door de gemeente' WHERE "source" LIKE 'Toegevoegd door %';
