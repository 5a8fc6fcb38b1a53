CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_email_unique" UNIQUE("email"),
	CONSTRAINT "accounts_email_lowercase" CHECK ("accounts"."email" = lower("accounts"."email"))
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"speaker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"place_kind" text DEFAULT 'stage' NOT NULL,
	"room_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_kind_valid" CHECK ("agenda_items"."kind" in ('speech', 'networking_round', 'break', 'closing')),
	CONSTRAINT "agenda_items_place_kind_valid" CHECK ("agenda_items"."place_kind" in ('stage', 'room')),
	CONSTRAINT "agenda_items_ends_after_start" CHECK ("agenda_items"."ends_at" > "agenda_items"."starts_at"),
	CONSTRAINT "agenda_items_place_consistent" CHECK (("agenda_items"."place_kind" = 'room') = ("agenda_items"."room_id" is not null)),
	CONSTRAINT "agenda_items_title_object" CHECK (jsonb_typeof("agenda_items"."title") = 'object')
);
--> statement-breakpoint
CREATE TABLE "fairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"languages" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"meeting_threshold_seconds" integer DEFAULT 120 NOT NULL,
	"invite_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fairs_slug_unique" UNIQUE("slug"),
	CONSTRAINT "fairs_invite_code_unique" UNIQUE("invite_code"),
	CONSTRAINT "fairs_status_valid" CHECK ("fairs"."status" in ('draft', 'open', 'live', 'closed')),
	CONSTRAINT "fairs_meeting_threshold_range" CHECK ("fairs"."meeting_threshold_seconds" between 10 and 3600),
	CONSTRAINT "fairs_ends_after_start" CHECK ("fairs"."ends_at" > "fairs"."starts_at"),
	CONSTRAINT "fairs_languages_valid" CHECK (cardinality("fairs"."languages") between 1 and 3 and "fairs"."languages" <@ ARRAY['fi', 'en', 'sv']::text[])
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text DEFAULT 'participant' NOT NULL,
	"display_name" text NOT NULL,
	"organisation" text NOT NULL,
	"organisation_type" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_fair_account_unique" UNIQUE("fair_id","account_id"),
	CONSTRAINT "registrations_role_valid" CHECK ("registrations"."role" in ('organiser', 'facilitator', 'speaker', 'participant')),
	CONSTRAINT "registrations_organisation_type_valid" CHECK ("registrations"."organisation_type" in ('ngo', 'municipality', 'state_authority', 'company', 'education', 'volunteer', 'other'))
);
--> statement-breakpoint
CREATE TABLE "room_facilitators" (
	"room_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	CONSTRAINT "room_facilitators_pk" PRIMARY KEY("room_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"names" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_names_object" CHECK (jsonb_typeof("rooms"."names") = 'object'),
	CONSTRAINT "rooms_description_object" CHECK (jsonb_typeof("rooms"."description") = 'object')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 6 NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tables_capacity_range" CHECK ("tables"."capacity" between 2 and 12)
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_facilitators" ADD CONSTRAINT "room_facilitators_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_facilitators" ADD CONSTRAINT "room_facilitators_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tables" ADD CONSTRAINT "tables_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_fair_starts_idx" ON "agenda_items" USING btree ("fair_id","starts_at");--> statement-breakpoint
CREATE INDEX "agenda_items_room_id_idx" ON "agenda_items" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "registrations_account_id_idx" ON "registrations" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "room_facilitators_registration_id_idx" ON "room_facilitators" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "rooms_fair_position_idx" ON "rooms" USING btree ("fair_id","position");--> statement-breakpoint
CREATE INDEX "sessions_account_id_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "tables_room_position_idx" ON "tables" USING btree ("room_id","position");