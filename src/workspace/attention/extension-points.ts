import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

/** Whose list is being made, with the partnerships grouped by the person's role in them. */
export interface AttentionScope {
  actor: Actor;
  /** Today in the UK, YYYY-MM-DD. */
  today: string;
  /** Partnerships the person has any role in. */
  member: string[];
  /** …where they are a lead or an editor. */
  editing: string[];
  /** …where they are a lead. */
  leading: string[];
  /** …where they are an editor (not a lead). */
  editorOnly: string[];
}

/** One thing that needs attention; the list adds the partnership's name to `detail`. */
export interface AttentionEntry {
  text: string;
  href: string;
  partnershipId: string | null;
  /** Said after the partnership's name, e.g. "no update for 2025/26 Q1". */
  detail?: string;
}

/** A group of the attention list ("Meetings needing minutes"), computed from its domain's records. */
export interface AttentionSource {
  key: string;
  title: string;
  /** Where the group stands in the list (lower first). */
  order: number;
  items(db: Db, scope: AttentionScope): Promise<AttentionEntry[]>;
}

/** Filled by the domains that keep the records (meetings, monitoring, national), which import attention. */
export const attentionItems = extensionPoint<AttentionSource>("attention items");
