CREATE TABLE "seat_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "seat_intervals_left_after_joined" CHECK ("seat_intervals"."left_at" is null or "seat_intervals"."left_at" >= "seat_intervals"."joined_at")
);
--> statement-breakpoint
ALTER TABLE "seat_intervals" ADD CONSTRAINT "seat_intervals_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_intervals" ADD CONSTRAINT "seat_intervals_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seat_intervals_fair_id_idx" ON "seat_intervals" USING btree ("fair_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seat_intervals_one_open_per_person" ON "seat_intervals" USING btree ("registration_id") WHERE "seat_intervals"."left_at" is null;