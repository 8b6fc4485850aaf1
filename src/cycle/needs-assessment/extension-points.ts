import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

/** Hooks the needs assessment uses, filled by domains that may import it. */

/**
 * A published consultation as qualitative evidence: what children, young people and families
 * said (themes with counts after disclosure control, approved quotes) beside the numbers, and
 * which findings each theme supports.
 */
export interface VoiceEvidence {
  id: string;
  title: string;
  methods: string[];
  dates: string;
  /** After disclosure control ("45", "[c]"). */
  participants: string;
  publishedOn: string;
  url: string;
  themes: { id: string; name: string; count: string; response: string; quotes: string[]; findingIds: string[] }[];
}

/** Published consultations of the partnership (filled by consultation). */
export const consultationVoices =
  extensionPoint<(db: Executor, partnershipId: string) => Promise<VoiceEvidence[]>>("consultation voices");
