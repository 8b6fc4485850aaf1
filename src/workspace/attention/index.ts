export { attentionDomain } from "./domain.ts";
export { attentionFor } from "./attention-service.ts";
export {
  type AttentionEntry,
  attentionItems,
  type AttentionScope,
  type AttentionSource,
} from "./extension-points.ts";
