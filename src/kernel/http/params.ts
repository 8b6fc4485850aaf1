// Path parameters are parsed by a route's path (kernel/http/paths.ts) through `needs(path, …)`
// (kernel/http/pipeline.ts); the hand parsers that lived here (idParam, parseParams, parseIds)
// are gone now that every route declares its path. What remains is the form helper's re-export.
export { fieldErrorsOf } from "./forms.ts";
