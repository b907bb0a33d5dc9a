CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"number" text,
	"text" text NOT NULL,
	"weight" numeric(6, 2) DEFAULT 1 NOT NULL,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_slug_unique" UNIQUE("document_id","slug"),
	CONSTRAINT "activities_weight_check" CHECK ("activities"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_goals" (
	"activity_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "activity_goals_activity_id_goal_id_pk" PRIMARY KEY("activity_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "activity_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_year_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"explanation" text
);
--> statement-breakpoint
CREATE TABLE "activity_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned_text" text NOT NULL,
	"realisation_text" text,
	"realisation_document_id" uuid,
	"status" text DEFAULT 'gepland' NOT NULL,
	"status_explanation" text,
	"elsewhere" text,
	"carried_from_id" uuid,
	"realisation_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_years_unique" UNIQUE("activity_id","year"),
	CONSTRAINT "activity_years_status_check" CHECK ("activity_years"."status" in ('gepland', 'in_uitvoering', 'gerealiseerd', 'deels_gerealiseerd', 'vertraagd', 'uitgesteld', 'niet_uitgevoerd', 'ondergebracht_elders', 'extra'))
);
--> statement-breakpoint
CREATE TABLE "partnership_sections" (
	"partnership_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	CONSTRAINT "partnership_sections_partnership_id_section_id_pk" PRIMARY KEY("partnership_id","section_id")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"members_note" text,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "partnerships_slug_unique" UNIQUE("municipality_code","slug")
);
--> statement-breakpoint
CREATE TABLE "policy_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"state" text DEFAULT 'concept' NOT NULL,
	"official_reference" text,
	"intro" text DEFAULT '' NOT NULL,
	"accounts_for_id" uuid,
	"succeeds_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_documents_slug_unique" UNIQUE("municipality_code","slug"),
	CONSTRAINT "policy_documents_kind_check" CHECK ("policy_documents"."kind" in ('begroting', 'jaarstukken', 'beleidskader', 'meerjarenopgave', 'uitvoeringsprogramma')),
	CONSTRAINT "policy_documents_state_check" CHECK ("policy_documents"."state" in ('concept', 'vastgesteld', 'vervallen')),
	CONSTRAINT "policy_documents_period_check" CHECK ("policy_documents"."first_year" <= "policy_documents"."last_year")
);
--> statement-breakpoint
CREATE TABLE "policy_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"section_id" uuid,
	"parent_id" uuid,
	"accounts_for_id" uuid,
	"slug" text NOT NULL,
	"level" text NOT NULL,
	"number" text,
	"text" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"indicator_text" text,
	"target_value" text,
	"target_year" integer,
	"owner" text,
	"weight" numeric(6, 2) DEFAULT 1 NOT NULL,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_goals_slug_unique" UNIQUE("document_id","slug"),
	CONSTRAINT "policy_goals_level_check" CHECK ("policy_goals"."level" in ('maatschappelijk_effect', 'beleidsdoelstelling', 'resultaat', 'prestatie')),
	CONSTRAINT "policy_goals_weight_check" CHECK ("policy_goals"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "policy_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"section_id" uuid,
	"goal_id" uuid,
	"slug" text NOT NULL,
	"number" text,
	"text" text NOT NULL,
	"named_source" text,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	CONSTRAINT "policy_indicators_slug_unique" UNIQUE("document_id","slug")
);
--> statement-breakpoint
CREATE TABLE "policy_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_sections_slug_unique" UNIQUE("document_id","slug"),
	CONSTRAINT "policy_sections_kind_check" CHECK ("policy_sections"."kind" in ('programma', 'thema', 'pijler', 'werkgebied', 'onderdeel'))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_section_id_policy_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."policy_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_goals" ADD CONSTRAINT "activity_goals_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_goals" ADD CONSTRAINT "activity_goals_goal_id_policy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."policy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_status_changes" ADD CONSTRAINT "activity_status_changes_activity_year_id_activity_years_id_fk" FOREIGN KEY ("activity_year_id") REFERENCES "public"."activity_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_years" ADD CONSTRAINT "activity_years_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_years" ADD CONSTRAINT "activity_years_realisation_document_id_policy_documents_id_fk" FOREIGN KEY ("realisation_document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_years" ADD CONSTRAINT "activity_years_carried_from_id_activity_years_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."activity_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sections" ADD CONSTRAINT "partnership_sections_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_sections" ADD CONSTRAINT "partnership_sections_section_id_policy_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."policy_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_accounts_for_id_policy_documents_id_fk" FOREIGN KEY ("accounts_for_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_succeeds_id_policy_documents_id_fk" FOREIGN KEY ("succeeds_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD CONSTRAINT "policy_goals_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD CONSTRAINT "policy_goals_section_id_policy_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."policy_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD CONSTRAINT "policy_goals_parent_id_policy_goals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policy_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_goals" ADD CONSTRAINT "policy_goals_accounts_for_id_policy_goals_id_fk" FOREIGN KEY ("accounts_for_id") REFERENCES "public"."policy_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_indicators" ADD CONSTRAINT "policy_indicators_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_indicators" ADD CONSTRAINT "policy_indicators_section_id_policy_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."policy_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_indicators" ADD CONSTRAINT "policy_indicators_goal_id_policy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."policy_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_sections" ADD CONSTRAINT "policy_sections_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_sections" ADD CONSTRAINT "policy_sections_parent_id_policy_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policy_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_section_idx" ON "activities" USING btree ("section_id","position");--> statement-breakpoint
CREATE INDEX "activity_goals_goal_idx" ON "activity_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "activity_status_changes_year_idx" ON "activity_status_changes" USING btree ("activity_year_id","changed_at");--> statement-breakpoint
CREATE INDEX "activity_years_year_idx" ON "activity_years" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "policy_goals_document_idx" ON "policy_goals" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "policy_sections_document_idx" ON "policy_sections" USING btree ("document_id","position");