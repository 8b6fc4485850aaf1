CREATE TABLE "peer_ranks" (
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"below" integer NOT NULL,
	"tied" integer NOT NULL,
	"ranked" integer NOT NULL,
	"unranked" integer NOT NULL,
	CONSTRAINT "peer_ranks_indicator_id_period_id_area_id_pk" PRIMARY KEY("indicator_id","period_id","area_id")
);
