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
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_controls" ADD CONSTRAINT "agenda_controls_actor_id_registrations_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_controls_fair_at_idx" ON "agenda_controls" USING btree ("fair_id","at");