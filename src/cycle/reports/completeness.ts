import { partnershipPaths } from "../../workspace/partnerships/index.ts";
import { actionPaths } from "../actions/index.ts";
import { monitoringPaths } from "../monitoring/index.ts";
import { strategyPaths } from "../strategy/index.ts";
import type { GeneratedReport } from "./generated.ts";
import { reportPaths } from "./paths.ts";

export interface CompletenessItem {
  key: string;
  label: string;
  /** "statutory" for the 2017 Act s.13 elements, "guidance" for expectations of guidance. */
  kind: "statutory" | "guidance";
  met: boolean;
  detail: string;
  /** Where to fix it. */
  href: string;
  /** Who may fix it there: partnership members and sign-offs are the lead's; the rest editors'. */
  fixedBy?: "lead";
  /** How much of it is done, where it is a count ("12 of 15 actions have an update"). */
  counts?: { done: number; total: number };
}

/** Pages of domains reports may not import, given by them (the consultation register, through an extension point). */
export interface CompletenessLinks {
  /** Without the consultation domain, lived experience is fixed on the report's own section. */
  consultation?: (partnershipId: string) => string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const OLD_DRAFT = "Drafted before this was judged on the year's recorded work: regenerate the report to check it.";

/**
 * Every statutory element (per body for the LCPAR) and guidance expectation, met or missing, with
 * counts, judged on what the report holds: regenerating picks up changes to the plan. Work is judged
 * on the report's year: an action with no update in the year is not reported, and indicators measure
 * progress only with values for a period in the year. Reports drafted before those counts were kept
 * are not called met: they say to regenerate.
 */
export function completeness(
  report: { id: string; partnershipId: string; generated: GeneratedReport },
  narratives: Map<string, string>,
  signOffs: number,
  links: CompletenessLinks = {},
): CompletenessItem[] {
  const { facts, type, reportingYear: year } = report.generated;
  const { partnershipId } = report;
  const sectionHref = (key: string) => reportPaths.section(partnershipId, report.id, key);
  const monitoringHref = monitoringPaths.dashboard(partnershipId);
  const actionsHref = actionPaths.list(partnershipId);
  const consultationHref = links.consultation?.(partnershipId) ?? sectionHref("lived-experience");
  const organisationsHref = partnershipPaths.organisations(partnershipId);
  const narrative = (key: string) => (narratives.get(key) ?? "").replace(/<[^>]*>/g, "").trim().length > 0;
  const items: CompletenessItem[] = [];
  const statutory = type === "lcpar";
  const add = (item: Omit<CompletenessItem, "kind">, kind: CompletenessItem["kind"] = "guidance") =>
    items.push({ ...item, kind });

  if (statutory) {
    const councils = facts.bodies.filter((b) => b.type === "council");
    const boards = facts.bodies.filter((b) => b.type === "health-board");
    if (councils.length === 0)
      add(
        {
          key: "body:council",
          label: "Measures taken by the council",
          met: false,
          detail: "No council is a member of the partnership.",
          href: organisationsHref,
          fixedBy: "lead",
        },
        "statutory",
      );
    if (boards.length === 0)
      add(
        {
          key: "body:health-board",
          label: "Measures taken by each health board",
          met: false,
          detail: "No health board is a member of the partnership.",
          href: organisationsHref,
          fixedBy: "lead",
        },
        "statutory",
      );
    for (const body of facts.bodies) {
      add(
        {
          key: `measures-taken:${body.id}`,
          label: `Measures taken in the year by ${body.name}`,
          met: body.measures > 0,
          detail:
            body.actions === undefined
              ? `${plural(body.measures, "action")} with progress recorded in ${year}.`
              : body.actions === 0
                ? `${body.name} leads or supports no action.`
                : `${body.measures} of ${plural(body.actions, "action")} led or supported by ${body.name} ${body.measures === 1 ? "has" : "have"} an update in ${year}.`,
          href: monitoringHref,
          ...(body.actions === undefined ? {} : { counts: { done: body.measures, total: body.actions } }),
        },
        "statutory",
      );
    }
  }
  if (statutory || type === "progress" || type === "strategic") {
    add(
      {
        key: "measures-proposed",
        label: "Measures proposed",
        met: facts.proposed > 0,
        detail: `${facts.proposed} of ${plural(facts.actions, "action")} continue after ${year}.`,
        href: actionsHref,
        counts: { done: facts.proposed, total: facts.actions },
      },
      statutory ? "statutory" : "guidance",
    );
  }
  if (
    statutory ||
    (type === "annual-update" && report.generated.sections.some((s) => s.key === "income-maximisation"))
  ) {
    add(flaggedWork("income-maximisation", "Income maximisation measures", "as income maximisation"), "statutory");
  }
  if (statutory) {
    add(
      flaggedWork(
        "protected-characteristics",
        "Measures for households affected by protected characteristics",
        "for protected characteristics",
      ),
      "statutory",
    );
  }
  add({
    key: "strategy",
    label: "A joint strategy, signed off",
    met: facts.strategy === "signed-off",
    detail:
      facts.strategy === "none"
        ? "No strategy recorded."
        : facts.strategy === "draft"
          ? "The strategy is still a draft."
          : "Signed off.",
    href: strategyPaths.strategy(partnershipId),
  });
  add({
    key: "actions-reported",
    label: "Progress reported for every action in the year",
    met: facts.actions > 0 && facts.actionsUpdated === facts.actions,
    detail:
      facts.actions === 0
        ? "The plan has no actions."
        : `${facts.actionsUpdated} of ${plural(facts.actions, "action")} ${facts.actionsUpdated === 1 ? "has" : "have"} an update in ${year}.`,
    href: monitoringHref,
    counts: { done: facts.actionsUpdated, total: facts.actions },
  });
  add({
    key: "drivers",
    label: "Every action tagged to a driver",
    met: facts.actions > 0 && facts.actionsWithoutDriver === 0,
    detail:
      facts.actions === 0
        ? "The plan has no actions."
        : facts.actionsWithoutDriver === 0
          ? `All ${facts.actions} actions are tagged.`
          : `${facts.actionsWithoutDriver} of ${facts.actions} actions have no driver.`,
    href: actionsHref,
    counts: { done: facts.actions - facts.actionsWithoutDriver, total: facts.actions },
  });
  add({
    key: "priority-families",
    label: "Actions reaching priority family types",
    met: facts.actionsWithFamilyTypes > 0,
    detail: `${facts.actionsWithFamilyTypes} of ${plural(facts.actions, "action")} name the family types they reach.`,
    href: actionsHref,
    counts: { done: facts.actionsWithFamilyTypes, total: facts.actions },
  });
  const measured = facts.indicatorsWithValuesInYear;
  add({
    key: "indicators",
    label: "Progress measured against indicators",
    met: (measured ?? 0) > 0,
    detail:
      measured === undefined
        ? OLD_DRAFT
        : facts.indicatorsLinked === 0
          ? "No action tracks an indicator."
          : `${measured} of ${plural(facts.indicatorsLinked, "action indicator")} ${measured === 1 ? "has" : "have"} a value for ${year} in the indicator store.`,
    href: actionsHref,
    ...(measured === undefined ? {} : { counts: { done: measured, total: facts.indicatorsLinked } }),
  });
  if (type !== "annual-update") {
    const activities = facts.engagementActivities ?? 0;
    add({
      key: "lived-experience",
      label: "Lived experience and consultation",
      met: facts.livedExperience > 0 || activities > 0 || narrative("lived-experience"),
      detail: `${activities} engagement activities with ${facts.engagementParticipants ?? 0} people informed the year; ${facts.livedExperience} pieces of qualitative evidence linked${narrative("lived-experience") ? "; narrative written" : ""}.`,
      href: facts.livedExperience > 0 || activities > 0 ? sectionHref("lived-experience") : consultationHref,
    });
    add({
      key: "you-said-we-did",
      label: "How lived experience shaped the work (“you said, we did”)",
      met: (facts.themesActedOn ?? 0) > 0,
      detail:
        (facts.themesActedOn ?? 0) > 0
          ? `${facts.themesActedOn} published themes of what people said are linked to priorities or actions.`
          : "No published consultation theme of the year is linked to a priority or action.",
      href: consultationHref,
    });
  }
  add({
    key: "case-studies",
    label: "At least one case study",
    met: narrative("case-studies"),
    detail: narrative("case-studies") ? "Written." : "No case study written yet.",
    href: sectionHref("case-studies"),
  });
  add({
    key: "sign-off",
    label: "Signed off (elected member, senior executive or board)",
    met: signOffs > 0,
    detail: signOffs > 0 ? `${signOffs} sign-off${signOffs === 1 ? "" : "s"} recorded.` : "Not signed off yet.",
    href: reportPaths.signOff(partnershipId, report.id),
    fixedBy: "lead",
  });
  return items;

  /** A statutory kind of measure: flagged actions count only when they have an update in the year. */
  function flaggedWork(
    key: "income-maximisation" | "protected-characteristics",
    label: string,
    flag: string,
  ): Omit<CompletenessItem, "kind"> {
    const flagged = key === "income-maximisation" ? facts.incomeMaximisation : facts.protectedCharacteristics;
    const updated =
      key === "income-maximisation" ? facts.incomeMaximisationUpdated : facts.protectedCharacteristicsUpdated;
    const href = actionsHref;
    if (updated === undefined) return { key, label, met: false, detail: OLD_DRAFT, href };
    return {
      key,
      label,
      met: updated > 0,
      detail:
        flagged === 0
          ? `No action is flagged ${flag}.`
          : `${updated} of ${plural(flagged, "action")} flagged ${flag} ${updated === 1 ? "has" : "have"} an update in ${year}.`,
      href: updated === 0 && flagged > 0 ? monitoringHref : href,
      counts: { done: updated, total: flagged },
    };
  }
}
