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

type ExportsCallback = (error: unknown, exported?: Record<string, unknown>) => void;
interface Exports {
  done: boolean;
  exported?: Record<string, unknown>;
  /** The importer now running: a macro's error reaches the render that called it. */
  current: ExportsCallback;
  waiting: ExportsCallback[];
}
const exportsOf = new WeakMap<object, Exports>();
const templateProto = nunjucks.Template.prototype as unknown as {
  getExported(ctx?: unknown, parentFrame?: unknown, cb?: ExportsCallback): void;
};
const collectExports = templateProto.getExported;

/**
 * `{% from "x" import y %}` runs x's top level on every render to collect its macros: 20-60
 * imports a page (govuk-frontend's macro files and ours), about half of a page's render CPU.
 * Imported without context (how every template here imports), a template's exports depend on
 * nothing of the render, so they are collected once per template object (a template reloaded in
 * watch mode is a new object) and reused. Rendering is synchronous, so the last importer is the
 * render now running: nunjucks reports an error inside a macro to the callback of the import that
 * gave it, so that callback is kept pointing at the current importer, as it was before.
 */
templateProto.getExported = function getExported(
  this: object,
  ctx?: unknown,
  parentFrame?: unknown,
  cb?: ExportsCallback,
) {
  if (typeof ctx !== "function" || parentFrame !== undefined || cb !== undefined)
    return collectExports.call(this, ctx, parentFrame, cb);
  const callback = ctx as ExportsCallback;
  let entry = exportsOf.get(this);
  if (entry?.done) {
    entry.current = callback;
    return callback(null, entry.exported);
  }
  if (entry) {
    entry.waiting.push(callback);
    return;
  }
  const created: Exports = { done: false, current: callback, waiting: [] };
  entry = created;
  exportsOf.set(this, created);
  collectExports.call(this, (error: unknown, exported?: Record<string, unknown>) => {
    if (created.done) return created.current(error, exported);
    if (error) exportsOf.delete(this);
    else Object.assign(created, { done: true, exported });
    for (const waiting of [callback, ...created.waiting.splice(0)]) {
      created.current = waiting;
      waiting(error, exported);
    }
  });
};

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

let fragments: nunjucks.Environment | undefined;

/**
 * A part of a page rendered to a string outside a reply: for a part a page keeps while what it
 * shows is unchanged (a cached panel's markup), drawn once instead of on every request. The page
 * puts it in with `| safe`; the fragment's own template escapes what it shows.
 */
export function renderFragment(template: string, context: object): string {
  fragments ??= createViewEnvironment();
  return fragments.render(template, context);
}

const drawnBeside = new WeakMap<object, Map<string, string>>();

/**
 * Markup drawn once for a kept value (a cached panel, profile, dashboard or draft) and `variant`
 * (what else the markup shows, e.g. the reader's rights; "" when nothing): it lives in a WeakMap
 * keyed by the value, so it goes when the value leaves its cache. `draw` must show only the value
 * and what `variant` names, never anything else of the request (tokens, nonces, the reader).
 */
export function drawnFor(kept: object, variant: string, draw: () => string): string {
  let byVariant = drawnBeside.get(kept);
  if (!byVariant) {
    byVariant = new Map();
    drawnBeside.set(kept, byVariant);
  }
  let html = byVariant.get(variant);
  if (html === undefined) {
    html = draw();
    byVariant.set(variant, html);
  }
  return html;
}
