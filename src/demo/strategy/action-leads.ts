/**
 * Who leads each demo action: the member organisation whose work it is (issue 16 item 11: no
 * police-led money advice in schools). Each template names the kinds of organisation that would
 * lead it, best first; the first kind the partnership has leads, and the council leads what no
 * named kind can. Partners that lead nothing here (police, probation) still join actions as partners.
 */
import type { OrganisationType } from "../../workspace/organisations/index.ts";

const LEADS: Record<string, OrganisationType[]> = {
  "Welfare rights officers in GP practices": ["health-board", "advice-agency"],
  "Financial inclusion pathway in maternity services": ["health-board"],
  "Scottish Child Payment and Best Start take-up campaign": ["council", "advice-agency"],
  "Automatic award of school clothing grant and free school meals": ["council"],
  "Money advice in secondary schools": ["advice-agency", "voluntary-and-community-sector"],
  "Income maximisation for families of disabled children": ["advice-agency"],
  "Interpreted benefits advice sessions": ["advice-agency", "voluntary-and-community-sector"],
  "Universal Credit transition support for families": ["jobcentre-plus", "advice-agency"],
  "Parental employability key workers": ["council", "jobcentre-plus"],
  "Health board recruitment from deprived communities": ["health-board"],
  "English for speakers of other languages with childcare": ["council", "voluntary-and-community-sector"],
  "Young parents' learning and work programme": ["jobcentre-plus"],
  "Jobcentre work coaches in family centres": ["jobcentre-plus"],
  "Supported employment for disabled parents": ["jobcentre-plus"],
  "Digital skills and devices for parents seeking work": ["voluntary-and-community-sector"],
  "Energy advice and fuel debt support": ["advice-agency", "voluntary-and-community-sector"],
  "Free bus travel for young people: take-up drive": ["transport-authority"],
  "Social housing rent freeze for families in hardship": ["housing-provider"],
  "Baby equipment and starter packs": ["health-board", "voluntary-and-community-sector"],
  "Community food and cooking clubs": ["voluntary-and-community-sector"],
  "Family nurse partnership expansion": ["health-board"],
  "Holiday activities and food programme": ["council", "voluntary-and-community-sector"],
  "Speech and language support in early years": ["health-board"],
  "Mental health support for parents": ["health-board"],
  "Youth work in the most deprived neighbourhoods": ["youth-offending-team", "voluntary-and-community-sector"],
  "Lived experience panel": ["voluntary-and-community-sector"],
  "Gypsy/Traveller families' outreach": ["voluntary-and-community-sector", "health-board"],
};

export interface DemoMember {
  organisationId: string;
  type: string;
}

/** The lead for a template (by its unlocalised title): the first fitting kind, else the council, else the first member. */
export function leadFor(title: string, members: DemoMember[]): string {
  for (const type of [...(LEADS[title] ?? []), "council"]) {
    const member = members.find((candidate) => candidate.type === type);
    if (member) return member.organisationId;
  }
  return members[0]!.organisationId;
}
