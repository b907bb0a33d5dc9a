CREATE TABLE "report_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"requirement_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminders_unique" UNIQUE("requirement_id","stage"),
	CONSTRAINT "report_reminders_stage_check" CHECK ("report_reminders"."stage" in ('binnenkort', 'verlopen'))
);
--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_requirement_id_subsidy_report_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."subsidy_report_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_reports_requirement_unique" ON "accountability_reports" USING btree ("requirement_id") WHERE "accountability_reports"."requirement_id" is not null;