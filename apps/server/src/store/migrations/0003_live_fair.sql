CREATE TABLE "agenda_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "agenda_controls_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fair_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid,
	"room_id" uuid,
	"minutes" integer,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "agenda_controls_kind_valid" CHECK ("agenda_controls"."kind" in ('fair.start', 'fair.pause', 'fair.resume', 'fair.end', 'item.start', 'item.extend', 'item.end', 'room.start', 'room.end')),
	CONSTRAINT "agenda_controls_item_given" CHECK (("agenda_controls"."kind" like 'item.%') = ("agenda_controls"."item_id" is not null)),
	CONSTRAINT "agenda_controls_room_given" CHECK (("agenda_controls"."kind" like 'room.%') = ("agenda_controls"."room_id" is not null)),
	CONSTRAINT "agenda_controls_minutes_given" CHECK (("agenda_controls"."kind" in ('item.extend', 'room.start')) = ("agenda_controls"."minutes" is not null)),
	CONSTRAINT "agenda_controls_minutes_positive" CHECK ("agenda_controls"."minutes" is null or "agenda_controls"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"table_id" uuid,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_messages_text_length" CHECK (char_length("chat_messages"."text") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	CONSTRAINT "help_requests_note_length" CHECK (char_length("help_requests"."note") <= 280),
	CONSTRAINT "help_requests_closed_together" CHECK (("help_requests"."closed_at" is null) = ("help_requests"."outcome" is null)),
	CONSTRAINT "help_requests_outcome_valid" CHECK ("help_requests"."outcome" is null or "help_requests"."outcome" in ('resolved', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "moderation_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor" jsonb NOT NULL,
	"kind" text NOT NULL,
	"action" jsonb NOT NULL,
	"target_id" uuid,
	"target" jsonb,
	"room_id" uuid,
	"table_id" uuid,
	"reason" text,
	CONSTRAINT "moderation_log_kind" CHECK ("moderation_log"."kind" in ('mute', 'remove', 'move', 'table', 'broadcast', 'stage.call', 'stage.return')),
	CONSTRAINT "moderation_log_action_kind" CHECK ("moderation_log"."action" ->> 'kind' = "moderation_log"."kind"),
	CONSTRAINT "moderation_log_target_pair" CHECK (("moderation_log"."target_id" is null) = ("moderation_log"."target" is null))
);
--> statement-breakpoint
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
CREATE TABLE "stage_calls" (
	"fair_id" uuid PRIMARY KEY NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"called_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_places" (
	"fair_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"room_id" uuid,
	"table_id" uuid,
	CONSTRAINT "stage_places_pk" PRIMARY KEY("fair_id","registration_id"),
	CONSTRAINT "stage_places_table_in_room" CHECK ("stage_places"."table_id" is null or "stage_places"."room_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_actor_id_registrations_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_table_id_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_registrations_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_person_id_registrations_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_closed_by_registrations_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_actor_id_registrations_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_target_id_registrations_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_claims" ADD CONSTRAINT "round_claims_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_claims" ADD CONSTRAINT "round_claims_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_opt_outs" ADD CONSTRAINT "round_opt_outs_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_opt_outs" ADD CONSTRAINT "round_opt_outs_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_plans" ADD CONSTRAINT "round_plans_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_plans" ADD CONSTRAINT "round_plans_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_item_id_round_plans_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."round_plans"("item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preassignments" ADD CONSTRAINT "round_preassignments_table_id_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_called_by_registrations_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_places" ADD CONSTRAINT "stage_places_fair_id_stage_calls_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."stage_calls"("fair_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_places" ADD CONSTRAINT "stage_places_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_controls_fair_at_idx" ON "agenda_controls" USING btree ("fair_id","at");--> statement-breakpoint
CREATE INDEX "chat_messages_room_sent_idx" ON "chat_messages" USING btree ("room_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "chat_messages_table_sent_idx" ON "chat_messages" USING btree ("table_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "help_requests_room_open_idx" ON "help_requests" USING btree ("room_id","raised_at") WHERE "help_requests"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_one_open" ON "help_requests" USING btree ("person_id") WHERE "help_requests"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "moderation_log_fair_at_idx" ON "moderation_log" USING btree ("fair_id","at");--> statement-breakpoint
CREATE INDEX "round_preassignments_table_id_idx" ON "round_preassignments" USING btree ("table_id");--> statement-breakpoint
CREATE INDEX "round_preassignments_registration_id_idx" ON "round_preassignments" USING btree ("registration_id");