CREATE TYPE "public"."review_decision" AS ENUM('accepted', 'changes_requested');--> statement-breakpoint
CREATE TABLE "domain_reviews" (
	"assessment_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"decision" "review_decision" NOT NULL,
	"note" text,
	"reviewer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_reviews_assessment_id_domain_pk" PRIMARY KEY("assessment_id","domain"),
	CONSTRAINT "domain_reviews_domain" CHECK ("domain_reviews"."domain" IN ('migrants_rights','whole_of_government','partnerships','well_being','mobility_crises','safe_orderly_regular'))
);
--> statement-breakpoint
ALTER TABLE "domain_reviews" ADD CONSTRAINT "domain_reviews_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_reviews" ADD CONSTRAINT "domain_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;