CREATE TABLE "accountability_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"subsidy_id" uuid NOT NULL,
	"requirement_id" uuid,
	"format" text NOT NULL,
	"state" text DEFAULT 'concept' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"resident_story" text DEFAULT '' NOT NULL,
	"efforts" text DEFAULT '' NOT NULL,
	"goals_reached" text DEFAULT '' NOT NULL,
	"reach" integer,
	"visible_effect" text DEFAULT '' NOT NULL,
	"satisfaction" text DEFAULT '' NOT NULL,
	"cooperation" text DEFAULT '' NOT NULL,
	"wijkschouw" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"progress_talk_on" date,
	"progress_talk_notes" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accountability_reports_state_check" CHECK ("accountability_reports"."state" in ('concept', 'ingediend', 'aanvulling_nodig', 'akkoord')),
	CONSTRAINT "accountability_reports_format_check" CHECK ("accountability_reports"."format" in ('formeel', 'informeel')),
	CONSTRAINT "accountability_reports_period_check" CHECK ("accountability_reports"."period_end" >= "accountability_reports"."period_start"),
	CONSTRAINT "accountability_reports_reach_check" CHECK ("accountability_reports"."reach" is null or "accountability_reports"."reach" >= 0)
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_attachments_size_check" CHECK ("report_attachments"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"to_state" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"subsidy_indicator_id" uuid NOT NULL,
	"value" numeric(14, 4) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "report_indicator_values_unique" UNIQUE("report_id","subsidy_indicator_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_areas" (
	"organisation_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "organisation_areas_organisation_id_area_code_pk" PRIMARY KEY("organisation_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "organisation_functions" (
	"organisation_id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "organisation_functions_organisation_id_function_id_pk" PRIMARY KEY("organisation_id","function_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_profile_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposed" jsonb NOT NULL,
	"state" text DEFAULT 'ingediend' NOT NULL,
	"proposed_by" uuid,
	"proposed_by_name" text NOT NULL,
	"review_note" text,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_profile_changes_state_check" CHECK ("organisation_profile_changes"."state" in ('ingediend', 'goedgekeurd', 'afgewezen'))
);
--> statement-breakpoint
CREATE TABLE "organisation_work_areas" (
	"organisation_id" uuid NOT NULL,
	"work_area_id" uuid NOT NULL,
	"placement" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "organisation_work_areas_organisation_id_work_area_id_placement_pk" PRIMARY KEY("organisation_id","work_area_id","placement"),
	CONSTRAINT "organisation_work_areas_placement_check" CHECK ("organisation_work_areas"."placement" in ('basis', 'modulair'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"phone" text,
	"email" text,
	"contact_source" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("municipality_code","slug"),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('formeel', 'informeel', 'eerstelijn', 'gemeente', 'samenwerkingsverband', 'overig'))
);
--> statement-breakpoint
CREATE TABLE "welfare_functions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"work_area_id" uuid NOT NULL,
	"placement" text NOT NULL,
	"time_split" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "welfare_functions_code_unique" UNIQUE("municipality_code","code"),
	CONSTRAINT "welfare_functions_placement_check" CHECK ("welfare_functions"."placement" in ('basis', 'modulair'))
);
--> statement-breakpoint
CREATE TABLE "work_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "work_areas_code_unique" UNIQUE("municipality_code","code")
);
--> statement-breakpoint
CREATE TABLE "partnership_members" (
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"linked_by" text,
	CONSTRAINT "partnership_members_partnership_id_name_pk" PRIMARY KEY("partnership_id","name")
);
--> statement-breakpoint
CREATE TABLE "budget_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"work_area_id" uuid NOT NULL,
	"planned_cents" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_plans_unique" UNIQUE("municipality_code","year","work_area_id"),
	CONSTRAINT "budget_plans_amount_check" CHECK ("budget_plans"."planned_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"reference" text,
	"form" text NOT NULL,
	"state" text DEFAULT 'aanvraag' NOT NULL,
	"work_area_id" uuid,
	"placement" text,
	"amount_cents" bigint NOT NULL,
	"established_cents" bigint,
	"volunteer_or_meeting_place" boolean DEFAULT false NOT NULL,
	"assignment" text DEFAULT '' NOT NULL,
	"internal_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidies_form_check" CHECK ("subsidies"."form" in ('budgetfinanciering', 'incidentele_subsidie', 'projectsubsidie', 'stimuleringsbijdrage')),
	CONSTRAINT "subsidies_state_check" CHECK ("subsidies"."state" in ('aanvraag', 'verleend', 'vastgesteld', 'ingetrokken')),
	CONSTRAINT "subsidies_placement_check" CHECK ("subsidies"."placement" is null or "subsidies"."placement" in ('basis', 'modulair')),
	CONSTRAINT "subsidies_amount_check" CHECK ("subsidies"."amount_cents" >= 0),
	CONSTRAINT "subsidies_established_check" CHECK ("subsidies"."established_cents" is null or "subsidies"."established_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_goals" (
	"subsidy_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "subsidy_goals_unique" UNIQUE("subsidy_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subsidy_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"target" numeric(14, 4),
	CONSTRAINT "subsidy_indicators_unique" UNIQUE("subsidy_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_report_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subsidy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "subsidy_report_requirements_kind_check" CHECK ("subsidy_report_requirements"."kind" in ('verantwoording', 'tussenrapportage', 'voortgangsgesprek'))
);
--> statement-breakpoint
CREATE TABLE "subsidy_state_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subsidy_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"actor_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accountability_reports" ADD CONSTRAINT "accountability_reports_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_reports" ADD CONSTRAINT "accountability_reports_requirement_id_subsidy_report_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."subsidy_report_requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_report_id_accountability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."accountability_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_accountability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."accountability_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_report_id_accountability_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."accountability_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicator_values" ADD CONSTRAINT "report_indicator_values_subsidy_indicator_id_subsidy_indicators_id_fk" FOREIGN KEY ("subsidy_indicator_id") REFERENCES "public"."subsidy_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_areas" ADD CONSTRAINT "organisation_areas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_areas" ADD CONSTRAINT "organisation_areas_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_functions" ADD CONSTRAINT "organisation_functions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_functions" ADD CONSTRAINT "organisation_functions_function_id_welfare_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."welfare_functions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_profile_changes" ADD CONSTRAINT "organisation_profile_changes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_work_areas" ADD CONSTRAINT "organisation_work_areas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_work_areas" ADD CONSTRAINT "organisation_work_areas_work_area_id_work_areas_id_fk" FOREIGN KEY ("work_area_id") REFERENCES "public"."work_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_functions" ADD CONSTRAINT "welfare_functions_work_area_id_work_areas_id_fk" FOREIGN KEY ("work_area_id") REFERENCES "public"."work_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_work_area_id_work_areas_id_fk" FOREIGN KEY ("work_area_id") REFERENCES "public"."work_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidies" ADD CONSTRAINT "subsidies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidies" ADD CONSTRAINT "subsidies_work_area_id_work_areas_id_fk" FOREIGN KEY ("work_area_id") REFERENCES "public"."work_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_goals" ADD CONSTRAINT "subsidy_goals_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_goals" ADD CONSTRAINT "subsidy_goals_goal_id_policy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."policy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_indicators" ADD CONSTRAINT "subsidy_indicators_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_indicators" ADD CONSTRAINT "subsidy_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_report_requirements" ADD CONSTRAINT "subsidy_report_requirements_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_state_changes" ADD CONSTRAINT "subsidy_state_changes_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_reports_subsidy_idx" ON "accountability_reports" USING btree ("subsidy_id");--> statement-breakpoint
CREATE INDEX "accountability_reports_state_idx" ON "accountability_reports" USING btree ("municipality_code","state");--> statement-breakpoint
CREATE INDEX "report_attachments_report_idx" ON "report_attachments" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "organisation_areas_area_idx" ON "organisation_areas" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "organisation_profile_changes_org_idx" ON "organisation_profile_changes" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "organisation_work_areas_area_idx" ON "organisation_work_areas" USING btree ("work_area_id");--> statement-breakpoint
CREATE INDEX "partnership_members_organisation_idx" ON "partnership_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "subsidies_year_idx" ON "subsidies" USING btree ("municipality_code","year");--> statement-breakpoint
CREATE INDEX "subsidies_organisation_idx" ON "subsidies" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "subsidy_report_requirements_due_idx" ON "subsidy_report_requirements" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "subsidy_state_changes_subsidy_idx" ON "subsidy_state_changes" USING btree ("subsidy_id","changed_at");--> statement-breakpoint
-- Members that partnerships named as free text before: kept by name, linked to organisations later.
INSERT INTO "partnership_members" ("partnership_id", "name")
SELECT p."id", m.name FROM "partnerships" p, jsonb_array_elements_text(p."members") AS m(name)
ON CONFLICT DO NOTHING;
