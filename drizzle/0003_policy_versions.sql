CREATE TABLE "policy_document_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_name" text NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "policy_document_snapshots_version_unique" UNIQUE("document_id","version")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "policy_sections" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "policy_document_snapshots" ADD CONSTRAINT "policy_document_snapshots_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_copied_from_id_activities_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_copied_from_id_policy_documents_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD CONSTRAINT "policy_goals_copied_from_id_policy_goals_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."policy_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_sections" ADD CONSTRAINT "policy_sections_copied_from_id_policy_sections_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."policy_sections"("id") ON DELETE set null ON UPDATE no action;