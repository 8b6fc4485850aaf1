import type { GeneratedReport } from "./generated.ts";

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
}

/**
 * Every statutory element (per body for the LCPAR) and guidance expectation, met or missing,
 * judged on what the report holds: regenerating picks up changes to the plan.
 */
export function completeness(
  report: { id: string; partnershipId: string; generated: GeneratedReport },
  narratives: Map<string, string>,
  signOffs: number,
): CompletenessItem[] {
  const { facts, type } = report.generated;
  const base = `/partnerships/${report.partnershipId}`;
  const reportHref = `${base}/reports/${report.id}`;
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
          href: `${base}/organisations`,
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
          href: `${base}/organisations`,
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
            body.measures > 0
              ? `${body.measures} actions with progress recorded.`
              : `No action led or supported by ${body.name} has an update for the year.`,
          href: `${base}/monitoring`,
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
        detail: `${facts.proposed} actions continue after the year.`,
        href: `${base}/actions`,
      },
      statutory ? "statutory" : "guidance",
    );
  }
  if (
    statutory ||
    (type === "annual-update" && report.generated.sections.some((s) => s.key === "income-maximisation"))
  ) {
    add(
      {
        key: "income-maximisation",
        label: "Income maximisation measures",
        met: facts.incomeMaximisation > 0,
        detail:
          facts.incomeMaximisation > 0
            ? `${facts.incomeMaximisation} actions flagged as income maximisation.`
            : "No action is flagged as income maximisation.",
        href: `${base}/actions`,
      },
      "statutory",
    );
  }
  if (statutory) {
    add(
      {
        key: "protected-characteristics",
        label: "Measures for households affected by protected characteristics",
        met: facts.protectedCharacteristics > 0,
        detail:
          facts.protectedCharacteristics > 0
            ? `${facts.protectedCharacteristics} actions flagged.`
            : "No action is flagged for protected characteristics.",
        href: `${base}/actions`,
      },
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
    href: `${base}/strategy`,
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
    href: `${base}/actions`,
  });
  add({
    key: "priority-families",
    label: "Actions reaching priority family types",
    met: facts.actionsWithFamilyTypes > 0,
    detail: `${facts.actionsWithFamilyTypes} actions name the family types they reach.`,
    href: `${base}/actions`,
  });
  add({
    key: "indicators",
    label: "Progress measured against indicators",
    met: facts.indicatorsLinked > 0,
    detail: `${facts.indicatorsLinked} action indicators; ${facts.indicatorsInStore} with values in the indicator store.`,
    href: `${base}/actions`,
  });
  if (type !== "annual-update") {
    const activities = facts.engagementActivities ?? 0;
    add({
      key: "lived-experience",
      label: "Lived experience and consultation",
      met: facts.livedExperience > 0 || activities > 0 || narrative("lived-experience"),
      detail: `${activities} engagement activities with ${facts.engagementParticipants ?? 0} people informed the year; ${facts.livedExperience} pieces of qualitative evidence linked${narrative("lived-experience") ? "; narrative written" : ""}.`,
      href:
        facts.livedExperience > 0 || activities > 0
          ? `${reportHref}/sections/lived-experience`
          : `${base}/consultation`,
    });
    add({
      key: "you-said-we-did",
      label: "How lived experience shaped the work (“you said, we did”)",
      met: (facts.themesActedOn ?? 0) > 0,
      detail:
        (facts.themesActedOn ?? 0) > 0
          ? `${facts.themesActedOn} published themes of what people said are linked to priorities or actions.`
          : "No published consultation theme of the year is linked to a priority or action.",
      href: `${base}/consultation`,
    });
  }
  add({
    key: "case-studies",
    label: "At least one case study",
    met: narrative("case-studies"),
    detail: narrative("case-studies") ? "Written." : "No case study written yet.",
    href: `${reportHref}/sections/case-studies`,
  });
  add({
    key: "sign-off",
    label: "Signed off (elected member, senior executive or board)",
    met: signOffs > 0,
    detail: signOffs > 0 ? `${signOffs} sign-off${signOffs === 1 ? "" : "s"} recorded.` : "Not signed off yet.",
    href: `${reportHref}/sign-off`,
    fixedBy: "lead",
  });
  return items;
}
