export {
  evidenceLinks,
  relatedStrategies,
  strategicChoices,
  strategies,
  strategyPriorities,
  strategySignOffs,
} from "./tables.ts";
export {
  type EvidenceKind,
  evidenceKindLabels,
  evidenceKinds,
  type SignOffRole,
  signOffRoleLabels,
  signOffRoles,
} from "./evidence.ts";
export {
  checkboxList,
  httpUrl,
  moneyField,
  optionalCount,
  optionalDate,
  optionalText,
  parseIds,
  requiredDate,
  requiredText,
} from "./fields.ts";
export { type FieldDef, renderForm, type SubnavContext } from "./form-page.ts";
export { type FormRouteContext, registerFormRoute } from "./form-route.ts";
export { evidenceFields } from "./strategy-forms.ts";
export {
  type EvidenceChoice,
  type EvidenceChoiceSource,
  evidencePickerFields,
  evidencePickForm,
  type EvidencePickInput,
  resolveEvidencePick,
} from "./evidence-picker.ts";
export { evidenceForm, type EvidenceInput } from "./schemas.ts";
export {
  findPriority,
  findStrategy,
  listEvidence,
  listEvidenceFor,
  listPriorities,
  deleteEvidenceFor,
  type EvidenceRow,
  type PriorityRow,
  type StrategyRow,
} from "./repository.ts";
export {
  addChoice,
  addEvidence,
  addPriority,
  addRelated,
  addSignOff,
  removeEvidence,
  saveStrategy,
} from "./strategy-service.ts";
export { registerStrategyRoutes, type StrategyRouteDeps } from "./strategy-routes.ts";
export { type StrategySummary, strategySummaries } from "./summaries.ts";
