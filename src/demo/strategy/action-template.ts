/**
 * Fictional but realistic actions for demo partnerships. Drivers are Scottish (sub-)drivers;
 * `blocks` are the English building blocks the same action would sit under.
 * Family codes: lp lone parent, me minority ethnic, d disability, ym young mother,
 * u1 child under one, lf larger family. Flags: i income maximisation, p protected characteristics.
 */
export interface ActionTemplate {
  title: string;
  description: string;
  drivers: string[];
  blocks: string[];
  families: string;
  flags: string;
  priority: number;
}

export const actionTemplate = (
  priority: number,
  title: string,
  drivers: string,
  blocks: string,
  families: string,
  flags: string,
  description: string,
): ActionTemplate => ({
  priority,
  title,
  description,
  drivers: drivers.split(" "),
  blocks: blocks.split(" "),
  families,
  flags,
});
