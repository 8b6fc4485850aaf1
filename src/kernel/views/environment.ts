import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { can } from "../auth/policy.ts";
import { formatDate, formatDateTime } from "../time.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const govukDist = path.resolve(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");

/** The folders that hold domains (src/<group>/<domain>/views/*.njk); a template is named from its group. */
export const domainGroups = ["lib", "workspace", "data", "cycle", "national", "demo"] as const;

export const viewRoots = {
  kernel: here,
  /** Kernel modules with templates of their own, named like a domain's: "forms/views/form.njk". */
  kernelModules: path.resolve(here, ".."),
  groups: domainGroups.map((group) => path.resolve(here, "../..", group)),
  govuk: govukDist,
};

const numberFormat = new Intl.NumberFormat("en-GB");

/**
 * Templates are named from their root: "layout.njk" (kernel), "forms/views/form.njk" (a kernel module),
 * "access/views/sign-in.njk"
 * (a domain, found in whichever group folder holds it), "govuk/components/..." (govuk-frontend's own macros).
 */
export function createViewEnvironment(options: { watch?: boolean } = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([viewRoots.kernel, viewRoots.kernelModules, ...viewRoots.groups, viewRoots.govuk], {
      watch: options.watch ?? false,
      noCache: false,
    }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  // Dates are formatted in one place (kernel/time.ts), in UK time.
  env.addFilter("date", formatDate);
  env.addFilter("dateTime", formatDateTime);
  env.addFilter("number", (value: unknown) => (typeof value === "number" ? numberFormat.format(value) : ""));
  // Templates ask the same policy as routes, so a page never links to what its reader can't open.
  env.addGlobal("can", can);
  env.addFilter("json", (value: unknown) => JSON.stringify(value, null, 2));
  /** Turns a list of field errors into the govuk error message param for one field. */
  env.addGlobal("errorFor", (errors: { field: string; message: string }[] | undefined, field: string) => {
    const found = errors?.find((error) => error.field === field);
    return found ? { text: found.message } : undefined;
  });
  env.addGlobal("errorList", (errors: { field: string; message: string }[] | undefined) =>
    (errors ?? []).map((error) => ({ text: error.message, href: `#${error.field}` })),
  );
  return env;
}
