CREATE TABLE "round_claims" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"fair_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_opt_outs" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"fair_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_plans" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"fair_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_plans_mode_valid" CHECK ("round_plans"."mode" in ('free', 'shuffle'))
);
--> statement-breakpoint
CREATE TABLE "round_preassignments" (
	"item_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	CONSTRAINT "round_preassignments_pk" PRIMARY KEY("item_id","registration_id")
);
--> statement-breakpoint
ALTER TABLE "round_claims" ADD CONSTRAINT "round_claims_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_claims" ADD CONSTRAINT "round_claims_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_opt_outs" ADD CONSTRAINT "round_opt_outs_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_opt_outs" ADD CONSTRAINT "round_opt_outs_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_plans" ADD CONSTRAINT "round_plans_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_plans" ADD CONSTRAINT "round_plans_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_item_id_round_plans_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."round_plans"("item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_table_id_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_preassignments_table_id_idx" ON "round_preassignments" USING btree ("table_id");--> statement-breakpoint
CREATE INDEX "round_preassignments_registration_id_idx" ON "round_preassignments" USING btree ("registration_id");