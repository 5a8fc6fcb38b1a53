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
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_actor_id_registrations_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_target_id_registrations_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_calls" ADD CONSTRAINT "stage_calls_called_by_registrations_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_places" ADD CONSTRAINT "stage_places_fair_id_stage_calls_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."stage_calls"("fair_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_places" ADD CONSTRAINT "stage_places_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_log_fair_at_idx" ON "moderation_log" USING btree ("fair_id","at");