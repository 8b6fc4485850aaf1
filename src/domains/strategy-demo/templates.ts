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

const t = (
  priority: number,
  title: string,
  drivers: string,
  blocks: string,
  families: string,
  flags: string,
  description: string,
): ActionTemplate => ({ priority, title, description, drivers: drivers.split(" "), blocks: blocks.split(" "), families, flags });

export const actionTemplates: ActionTemplate[] = [
  t(0, "Welfare rights officers in GP practices", "social-security:take-up social-security:eligibility", "financial-support", "lp d u1", "i p", "Welfare rights advice offered in six GP practices serving the most deprived data zones, with direct referral from practice staff."),
  t(0, "Financial inclusion pathway in maternity services", "social-security:take-up", "financial-support", "ym u1", "i", "Midwives and health visitors ask every family about money worries and refer to advice with consent."),
  t(0, "Scottish Child Payment and Best Start take-up campaign", "social-security:take-up", "financial-support", "lp me lf", "i", "Targeted letters, texts and community events using council data to reach eligible families not yet claiming."),
  t(0, "Automatic award of school clothing grant and free school meals", "social-security:eligibility social-security:take-up", "financial-support", "lp lf", "i", "Use housing benefit and council tax reduction data to award entitlements without an application."),
  t(0, "Money advice in secondary schools", "social-security:take-up costs:debt", "financial-support", "lp lf", "i", "Advice workers based in four secondary schools, open to parents at parents' evenings and by appointment."),
  t(0, "Income maximisation for families of disabled children", "social-security:value social-security:take-up", "financial-support", "d", "i p", "Specialist advice on disability benefits and carers' entitlements, delivered with the children's disability team."),
  t(0, "Interpreted benefits advice sessions", "social-security:take-up", "financial-support", "me", "i p", "Weekly advice sessions with interpreters in community venues used by minority ethnic families."),
  t(0, "Universal Credit transition support for families", "social-security:value costs:debt", "financial-support", "lp lf", "i", "Help for families moving from legacy benefits, including budgeting support and advance payments advice."),
  t(0, "Cash-first crisis support instead of food parcels", "social-security:value costs:other", "financial-support", "lp lf d", "i", "Scottish Welfare Fund and local cash grants paid quickly, with advice offered alongside."),
  t(1, "Parental employability key workers", "employment:hours-worked employment:skills", "employment-skills", "lp ym", "", "Key workers support parents into work, training or more hours, with childcare and travel costs covered."),
  t(1, "Fair work charter for local employers", "employment:hourly-pay", "employment-skills", "", "", "Employers commit to the real Living Wage, flexible work and predictable hours; the council and health board lead by example."),
  t(1, "Living Wage accreditation for council contractors", "employment:hourly-pay", "employment-skills", "", "", "Procurement rules reward contractors paying the real Living Wage."),
  t(1, "Health board recruitment from deprived communities", "employment:hours-worked employment:hourly-pay", "employment-skills", "lp me", "p", "Guaranteed interviews and pre-employment training for entry-level health board posts."),
  t(1, "Flexible childcare to support parents' working hours", "employment:hours-worked costs:other", "employment-skills", "lp lf", "", "Extended hours in funded early learning and childcare settings near major employers."),
  t(1, "English for speakers of other languages with childcare", "employment:skills", "employment-skills", "me", "p", "ESOL classes with a crèche, linked to employability support."),
  t(1, "Young parents' learning and work programme", "employment:skills employment:hours-worked", "employment-skills", "ym", "", "Support for parents under 25 to return to learning, with college places and a mentor."),
  t(1, "Jobcentre work coaches in family centres", "employment:hours-worked social-security:take-up", "employment-skills financial-support", "lp", "i", "Work coaches based one day a week in three family centres."),
  t(1, "Supported employment for disabled parents", "employment:hours-worked", "employment-skills", "d", "p", "Individual placement and support for disabled parents wanting to work."),
  t(1, "Digital skills and devices for parents seeking work", "employment:skills costs:other", "employment-skills", "lp me", "", "Refurbished laptops, data and digital skills courses for parents on employability programmes."),
  t(2, "Energy advice and fuel debt support", "costs:other costs:debt", "place financial-support", "lp lf d u1", "i", "Home energy advice, fuel vouchers and help with fuel debt for families with children."),
  t(2, "Affordable credit partnership with the credit union", "costs:debt", "financial-support", "lp", "", "Low-cost loans and savings for families, promoted through schools and nurseries."),
  t(2, "Council tax arrears: fair collection for families", "costs:debt", "financial-support", "lp lf", "i", "Affordable repayment plans and advice referral before enforcement for families with children."),
  t(2, "Cost of the school day", "costs:other", "life-chances", "lp lf", "", "Schools remove hidden costs: uniforms, trips, fundraising and materials."),
  t(2, "Free bus travel for young people: take-up drive", "costs:other", "place", "lf", "", "Help families apply for under-22s free bus travel cards."),
  t(2, "Social housing rent freeze for families in hardship", "costs:housing", "place", "lp lf", "", "Housing partners review rent setting and hardship funds for families."),
  t(2, "Preventing family homelessness", "costs:housing costs:debt", "place", "lp ym u1", "p", "Early intervention on rent arrears and tenancy support for families at risk."),
  t(2, "Warm homes retrofit in priority areas", "costs:housing costs:other", "place", "lf d", "", "Insulation and heating upgrades for social and private rented homes in the most deprived areas."),
  t(2, "Baby equipment and starter packs", "costs:other", "life-chances", "u1 ym", "", "Cots, prams and starter packs for families in need, through midwives and health visitors."),
  t(2, "Community food and cooking clubs", "costs:other", "place", "lp lf me", "", "Affordable food clubs with cooking sessions, linked to advice services."),
  t(2, "Period dignity and essentials in schools", "costs:other", "life-chances", "lp", "", "Free period products and essentials in every school without stigma."),
  t(3, "Family nurse partnership expansion", "employment:skills costs:other", "life-chances", "ym u1", "", "Intensive home visiting for first-time young mothers from pregnancy until the child is two."),
  t(3, "Holiday activities and food programme", "costs:other", "life-chances", "lp lf me", "", "Free holiday activities with a meal for children entitled to free school meals."),
  t(3, "Speech and language support in early years", "employment:skills", "life-chances", "u1 lf", "", "Early identification and support in nurseries serving deprived areas."),
  t(3, "Attainment support for children in poverty", "employment:skills", "life-chances", "lp lf", "", "Pupil equity funding used for tutoring and family learning."),
  t(3, "Mental health support for parents", "employment:hours-worked", "life-chances", "lp ym u1 d", "p", "Perinatal and parental mental health support with referral to money advice."),
  t(3, "Youth work in the most deprived neighbourhoods", "employment:skills", "life-chances place", "lf me", "", "Detached and centre-based youth work, with routes into volunteering and training."),
  t(3, "Kinship carers' support", "social-security:take-up", "financial-support life-chances", "lf", "i", "Advice and allowances for kinship carers raising children."),
  t(4, "Child poverty training for frontline staff", "social-security:take-up", "life-chances", "", "i", "Training on the causes of child poverty and how to ask about money, for staff across partners."),
  t(4, "Poverty-aware practice in children's services", "costs:other", "life-chances", "lp d", "p", "Social work practice that recognises poverty and connects families to practical help."),
  t(4, "Lived experience panel", "costs:other", "place", "lp me d ym", "p", "Parents with lived experience shape services and review progress with the partnership."),
  t(4, "Data sharing agreement for targeting support", "social-security:take-up", "financial-support", "", "i", "Partners share data lawfully to identify families missing out on entitlements."),
  t(4, "Single point of access for family support", "social-security:take-up costs:debt", "financial-support place", "lp lf", "i", "One phone number and web form routing families to advice, employability and practical support."),
  t(4, "Gypsy/Traveller families' outreach", "social-security:take-up costs:housing", "financial-support place", "me", "i p", "Outreach to Gypsy/Traveller sites with advice, health and education support."),
  t(4, "Refugee families' resettlement support", "employment:skills social-security:take-up", "employment-skills financial-support", "me lf", "i p", "Resettlement workers help refugee families with benefits, housing, ESOL and work."),
];

export const familyCodes: Record<string, string> = {
  lp: "lone-parent",
  me: "minority-ethnic",
  d: "disability",
  ym: "young-mother",
  u1: "child-under-one",
  lf: "larger-family",
};
