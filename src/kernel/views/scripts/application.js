// Progressive enhancement only: every page works without this file.
import { initAll } from "/static/govuk-frontend.min.js";

// Every GOV.UK button ignores a second click within a second, so a double click sends a form once;
// the server guards the same forms with a one-time token (kernel/forms/once.ts) for when this is absent.
initAll({ button: { preventDoubleClick: true } });
