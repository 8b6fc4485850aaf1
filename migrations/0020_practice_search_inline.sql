-- Custom SQL (issue 14, library search performance). Every matching entry's "search" tsvector is
-- read twice per search (the @@ test and ts_rank_cd). With the default EXTENDED storage a vector
-- of a few hundred words does not compress, so PostgreSQL moved it out of line into TOAST and each
-- read cost an index lookup and extra pages. MAIN keeps it in the row (bodies go out of line
-- first); only a vector too big for a page still moves out.
ALTER TABLE "practice_entries" ALTER COLUMN "search" SET STORAGE MAIN;
--> statement-breakpoint
-- Storage applies to rows written from now on: rewrite the existing ones (a stored generated
-- column is computed again on update, and stored under the new rule).
UPDATE "practice_entries" SET "title" = "title";
