CREATE TABLE "import_batch_pairs" (
	"batch_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	CONSTRAINT "import_batch_pairs_batch_id_indicator_id_period_id_pk" PRIMARY KEY("batch_id","indicator_id","period_id")
);
--> statement-breakpoint
CREATE INDEX "import_batch_pairs_pair_idx" ON "import_batch_pairs" USING btree ("indicator_id","period_id");