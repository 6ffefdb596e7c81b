CREATE TABLE "email_digests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_suggestions" (
	"notification_id" uuid NOT NULL,
	"suggestion_id" text NOT NULL,
	"author_name" text NOT NULL,
	"emailed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_suggestions_notification_id_suggestion_id_pk" PRIMARY KEY("notification_id","suggestion_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "section" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_digests" ADD CONSTRAINT "email_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_suggestions" ADD CONSTRAINT "notification_suggestions_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_suggestions_suggestion_idx" ON "notification_suggestions" USING btree ("suggestion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_one_unread_suggestion_digest" ON "notifications" USING btree ("user_id","assessment_id","section") WHERE kind = 'suggested' AND read_at IS NULL;