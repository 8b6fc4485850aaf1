import type { Actor, Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

/**
 * Where the reader asks a nation's hub for support (the request form of a partnership they lead
 * there), or null: filled by support requests, which owns that form and its path.
 */
export const supportRequestLink =
  extensionPoint<(db: Executor, actor: Actor | null, nation: Nation) => Promise<string | null>>(
    "where to ask for support",
  );
