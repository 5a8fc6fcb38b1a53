CREATE TABLE "blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocks_pk" PRIMARY KEY("blocker_id","blocked_id")
);
--> statement-breakpoint
CREATE TABLE "contact_cards" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"fair_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"shared" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_notes" (
	"owner_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"note" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_notes_pk" PRIMARY KEY("owner_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "exchanges_status_valid" CHECK ("exchanges"."status" in ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "exchanges_not_self" CHECK ("exchanges"."from_id" <> "exchanges"."to_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"fair_id" uuid NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"overlap_seconds" integer NOT NULL,
	"first_table_id" uuid NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_pk" PRIMARY KEY("person_a","person_b"),
	CONSTRAINT "meetings_ordered_pair" CHECK ("meetings"."person_a" < "meetings"."person_b"),
	CONSTRAINT "meetings_overlap_not_negative" CHECK ("meetings"."overlap_seconds" >= 0)
);
--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocker_id_registrations_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocked_id_registrations_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_cards" ADD CONSTRAINT "contact_cards_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_cards" ADD CONSTRAINT "contact_cards_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_owner_id_registrations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_contact_id_registrations_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD CONSTRAINT "contact_notes_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_from_id_registrations_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_to_id_registrations_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_person_a_registrations_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_person_b_registrations_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchanges_fair_id_idx" ON "exchanges" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "exchanges_from_created_idx" ON "exchanges" USING btree ("from_id","created_at");--> statement-breakpoint
CREATE INDEX "exchanges_to_id_idx" ON "exchanges" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exchanges_one_pending" ON "exchanges" USING btree ("from_id","to_id") WHERE "exchanges"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "meetings_fair_id_idx" ON "meetings" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "meetings_person_b_idx" ON "meetings" USING btree ("person_b");