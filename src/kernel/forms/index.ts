/** The form kit: Zod fields for form posts, the generic field-list form, the form route, delete-with-confirm. */
export {
  checkboxList,
  httpUrl,
  moneyField,
  optionalCount,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
  withDateInputs,
} from "./fields.ts";
export { type FieldDef, fieldComponents, type FormPage, renderForm, type SubnavContext } from "./field-list.ts";
export {
  type FieldListForm,
  type FormContext,
  type FormSpec,
  formRoute,
  type PageForm,
  type Saved,
  type ShownForm,
  type TemplateForm,
} from "./form-route.ts";
export { type DeleteSpec, deleteRoute } from "./delete-route.ts";
export { onceToken, saveOnce } from "./once.ts";
