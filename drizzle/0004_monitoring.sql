CREATE TABLE "indicator_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"goal_id" uuid,
	"policy_indicator_id" uuid,
	CONSTRAINT "indicator_links_target_check" CHECK (num_nonnulls("indicator_links"."goal_id", "indicator_links"."policy_indicator_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"scale_min" numeric(14, 4),
	"scale_max" numeric(14, 4),
	"direction" text DEFAULT 'neutraal' NOT NULL,
	"source" text NOT NULL,
	"frequency" text DEFAULT 'jaarlijks' NOT NULL,
	"role" text DEFAULT 'effectindicator' NOT NULL,
	"target_value" numeric(14, 4),
	"target_year" integer,
	"story" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_slug_unique" UNIQUE("municipality_code","slug"),
	CONSTRAINT "indicators_unit_check" CHECK ("indicators"."unit" in ('score', 'percentage', 'aantal', 'euro')),
	CONSTRAINT "indicators_direction_check" CHECK ("indicators"."direction" in ('hoger_is_beter', 'lager_is_beter', 'neutraal')),
	CONSTRAINT "indicators_frequency_check" CHECK ("indicators"."frequency" in ('jaarlijks', 'tweejaarlijks', 'vierjaarlijks', 'kwartaal', 'onregelmatig')),
	CONSTRAINT "indicators_role_check" CHECK ("indicators"."role" in ('effectindicator', 'prestatie_indicator', 'verplichte_beleidsindicator'))
);
--> statement-breakpoint
CREATE TABLE "measurement_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measurement_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_name" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer DEFAULT 0 NOT NULL,
	"value" numeric(14, 4),
	"target" numeric(14, 4),
	"estimate" numeric(14, 4),
	"source" text NOT NULL,
	"published_on" date,
	"release_state" text DEFAULT 'definitief' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_period_unique" UNIQUE("indicator_id","area_code","year","quarter"),
	CONSTRAINT "measurements_quarter_check" CHECK ("measurements"."quarter" between 0 and 4),
	CONSTRAINT "measurements_release_check" CHECK ("measurements"."release_state" in ('voorlopig', 'nader_voorlopig', 'definitief')),
	CONSTRAINT "measurements_has_number_check" CHECK (num_nonnulls("measurements"."value", "measurements"."target", "measurements"."estimate") > 0)
);
--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_goal_id_policy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."policy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_policy_indicator_id_policy_indicators_id_fk" FOREIGN KEY ("policy_indicator_id") REFERENCES "public"."policy_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_corrections" ADD CONSTRAINT "measurement_corrections_measurement_id_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."measurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_links_indicator_idx" ON "indicator_links" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "measurement_corrections_measurement_idx" ON "measurement_corrections" USING btree ("measurement_id");--> statement-breakpoint
CREATE INDEX "measurements_area_year_idx" ON "measurements" USING btree ("area_code","indicator_id","year");