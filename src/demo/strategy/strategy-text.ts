import type { ProofingInput } from "../../cycle/proofing/index.ts";
import type { ChoiceInputLike, EvidenceLike, RelatedLike } from "./types.ts";

export const priorityTemplates: { title: string; description: string; evidence: EvidenceLike[] }[] = [
  {
    title: "Maximise family incomes and benefit take-up",
    description:
      "Make sure every family gets the financial support it is entitled to, with advice where families already go.",
    evidence: [
      {
        kind: "indicator",
        referenceId: "demo-children-low-income-percentage",
        label: "Children in relative low income families (Fictional demo data)",
      },
      { kind: "indicator", referenceId: "scp-take-up", label: "Scottish Child Payment take-up estimate" },
      {
        kind: "qualitative",
        referenceId: "parents-panel-2024",
        label: "Parents' panel: “nobody told us what we could claim”",
      },
    ],
  },
  {
    title: "Help parents into fair work and better pay",
    description:
      "More parents in secure, fairly paid work with the hours they want, supported by childcare and transport.",
    evidence: [
      {
        kind: "indicator",
        referenceId: "demo-workless-households",
        label: "Children in workless households (Fictional demo data)",
      },
      {
        kind: "finding",
        referenceId: "cpna-in-work-poverty",
        label: "Needs assessment: most children in poverty live in working households",
      },
    ],
  },
  {
    title: "Reduce the cost of living for families",
    description: "Lower the costs that push families into poverty: housing, energy, food, the school day and debt.",
    evidence: [
      {
        kind: "indicator",
        referenceId: "demo-fuel-poverty-families",
        label: "Households with children in fuel poverty (Fictional demo data)",
      },
      {
        kind: "qualitative",
        referenceId: "young-people-survey-2024",
        label: "Young people's survey: the cost of the school day",
      },
    ],
  },
  {
    title: "Give children the best start in life",
    description: "Mitigate the effects of poverty on children's health, learning and wellbeing from pregnancy onwards.",
    evidence: [
      {
        kind: "indicator",
        referenceId: "simd-children-most-deprived-20",
        label: "Children living in the most deprived 20% of data zones",
      },
      {
        kind: "indicator",
        referenceId: "demo-two-year-old-childcare",
        label: "Eligible two-year-olds taking up funded childcare (Fictional demo data)",
      },
    ],
  },
  {
    title: "Reach priority families where they are",
    description: "Design services with families at higher risk of poverty and train staff to ask about money.",
    evidence: [
      {
        kind: "finding",
        referenceId: "cpna-priority-families",
        label: "Needs assessment: priority family types in the area",
      },
    ],
  },
];

export function strategyText(area: string, year: number) {
  const choices: ChoiceInputLike[] = [
    {
      option: "Universal advice in every GP practice",
      intendedImpact: "Reach every family, including those not known to services.",
      chosen: false,
      reason:
        "Not affordable in year one; a targeted pilot in the six most deprived practices will test the model first.",
    },
    {
      option: "Targeted advice in GP practices in the most deprived areas",
      intendedImpact: "Raise benefit take-up where child poverty is highest.",
      chosen: true,
      reason: "Best fit with the needs assessment and the funding available.",
    },
    {
      option: "Cash-first crisis support instead of food parcels",
      intendedImpact: "Dignified support that families can use for what they most need.",
      chosen: true,
      reason: "Families told us cash gives them choice and dignity; evidence shows it costs no more to deliver.",
    },
  ];
  const related: RelatedLike[] = [
    {
      name: "Children's Services Plan",
      owner: `${area} Children's Services Partnership`,
      url: "https://www.example.org/childrens-services-plan",
      relationship: "Shares the best start in life priority and its reporting.",
    },
    {
      name: "Local Outcomes Improvement Plan",
      owner: `${area} Community Planning Partnership`,
      url: "https://www.example.org/loip",
      relationship:
        "Tackling poverty is one of its three priorities; this strategy is its delivery plan for child poverty.",
    },
    {
      name: "Local Housing Strategy",
      owner: `${area} Council Housing Service`,
      url: null,
      relationship: "Housing costs and homelessness prevention actions are delivered through it.",
    },
  ];
  const proofing = [
    (scotland: boolean): ProofingInput => ({
      name: `Local Transport Strategy ${year + 1} to ${year + 6}`,
      owner: `${area} Council Roads and Transport`,
      assessedOn: `${year}-09-14`,
      driverEffects: scotland
        ? { employment: "positive", costs: "negative", "social-security": "neutral" }
        : {
            "financial-support": "neutral",
            "employment-skills": "positive",
            "life-chances": "neutral",
            place: "negative",
          },
      familyEffects: {
        "lone-parent": "negative",
        "minority-ethnic": "neutral",
        disability: "unknown",
        "young-mother": "negative",
        "child-under-one": "neutral",
        "larger-family": "negative",
      },
      mitigations: "Fare caps for under-22s' companions considered; evening services to the hospital kept.",
      outcome: "Approved with mitigations; review after one year.",
    }),
    (scotland: boolean): ProofingInput => ({
      name: "Council budget savings proposals",
      owner: `${area} Council Finance`,
      assessedOn: `${year + 1}-01-20`,
      driverEffects: scotland
        ? { employment: "neutral", costs: "negative", "social-security": "negative" }
        : {
            "financial-support": "negative",
            "employment-skills": "neutral",
            "life-chances": "negative",
            place: "neutral",
          },
      familyEffects: {
        "lone-parent": "negative",
        "minority-ethnic": "unknown",
        disability: "negative",
        "young-mother": "unknown",
        "child-under-one": "neutral",
        "larger-family": "negative",
      },
      mitigations: "Proposed cut to school clothing grant withdrawn; charging changes exempt families on low incomes.",
      outcome: "Two proposals changed after the assessment.",
    }),
  ];
  return {
    vision: `By ${year + 4}, fewer children in ${area} grow up in poverty, and every family knows where to get help with money, work and the cost of living.`,
    governance: `The Child Poverty Partnership reports to the ${area} Community Planning Partnership Board every six months. The council's chief executive and the health board's director of public health jointly chair it.`,
    monitoringArrangements:
      "Action leads report progress every quarter. The partnership reviews the monitoring dashboard at each meeting and the indicators each year when national statistics are released.",
    workforceDevelopment:
      "Every frontline worker in council, health and partner services completes child poverty awareness training by the end of year two, and knows how to ask about money and refer to advice.",
    choices,
    related,
    proofing,
  };
}
