-- A pair's time together is kept per table. Pairs stored before keep their total at the table where they first met.
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_overlap_not_negative";--> statement-breakpoint
DROP INDEX "meetings_person_b_idx";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "table_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "overlap_ms" bigint;--> statement-breakpoint
UPDATE "meetings" SET "table_id" = "first_table_id", "overlap_ms" = "overlap_seconds"::bigint * 1000;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "table_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "overlap_ms" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "meetings_person_b_idx" ON "meetings" USING btree ("person_b","table_id");--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "overlap_seconds";--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "first_table_id";--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_pk";--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_pk" PRIMARY KEY("person_a","table_id","person_b");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_overlap_not_negative" CHECK ("meetings"."overlap_ms" >= 0);
