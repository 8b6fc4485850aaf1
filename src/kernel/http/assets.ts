import { existsSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { viewRoots } from "../views/environment.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const publicDir = path.join(root, "public");
const stylesheet = path.join(root, "src", "kernel", "views", "styles", "application.scss");

/**
 * Compiles the stylesheet (govuk-frontend with Arial, as this is not a GOV.UK service) and
 * copies govuk-frontend's script. Skipped when the output exists unless forced.
 */
export async function buildAssets(options: { force?: boolean } = {}): Promise<void> {
  const css = path.join(publicDir, "application.css");
  if (!options.force && existsSync(css)) return;
  const sass = await import("sass");
  mkdirSync(publicDir, { recursive: true });
  const result = sass.compile(stylesheet, {
    loadPaths: [path.join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  writeFileSync(css, result.css);
  copyFileSync(
    path.join(viewRoots.govuk, "govuk", "govuk-frontend.min.js"),
    path.join(publicDir, "govuk-frontend.min.js"),
  );
  copyFileSync(
    path.join(root, "src", "kernel", "views", "scripts", "application.js"),
    path.join(publicDir, "application.js"),
  );
}
