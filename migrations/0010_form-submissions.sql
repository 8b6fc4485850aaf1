CREATE TABLE "form_submissions" (
	"token" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submissions_token_actor_key_pk" PRIMARY KEY("token","actor_key")
);
