import { driverFrameworkFor } from "../actions/index.ts";

export const CONTEXT_SECTION = "context";

export interface SectionDef {
  code: string;
  heading: string;
}

/** The assessment's sections: an overview, then one per Scottish driver or English/Welsh building block. */
export function sectionsFor(nation: string): { frameworkName: string; sections: SectionDef[] } {
  const framework = driverFrameworkFor(nation);
  return {
    frameworkName: framework.plural,
    sections: [
      { code: CONTEXT_SECTION, heading: "Context and overview" },
      ...framework.groups.map((group) => ({ code: group.code, heading: group.label })),
    ],
  };
}

export function isSectionOf(nation: string, code: string): boolean {
  return sectionsFor(nation).sections.some((section) => section.code === code);
}
