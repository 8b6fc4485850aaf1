/** The words of the demo's fictional consultations: questions in both versions (and Welsh), themes, answers. */
import { emptyQuestion, type QuestionInput } from "./schemas.ts";

const blank = emptyQuestion;

const cy = (welsh: boolean, fields: Partial<QuestionInput>): Partial<QuestionInput> => (welsh ? fields : {});

export function demoQuestions(welsh: boolean): QuestionInput[] {
  return [
    {
      ...blank,
      kind: "single",
      required: true,
      textStandardEn: "How often do school costs make things hard for your family?",
      textYoungEn: "Do school costs ever make things hard at home?",
      optionsStandardEn: ["Often", "Sometimes", "Never"],
      optionsYoungEn: ["Lots", "A bit", "Never"],
      ...cy(welsh, {
        textStandardCy: "Pa mor aml mae costau ysgol yn gwneud pethau'n anodd i'ch teulu?",
        textYoungCy: "Ydy costau ysgol weithiau'n gwneud pethau'n anodd gartref?",
        optionsStandardCy: ["Yn aml", "Weithiau", "Byth"],
        optionsYoungCy: ["Llawer", "Ychydig", "Byth"],
      }),
    },
    {
      ...blank,
      kind: "multiple",
      textStandardEn: "Which costs are hardest to meet?",
      hintStandardEn: "Select all that apply",
      textYoungEn: "Which things cost too much?",
      hintYoungEn: "Tick all that are true",
      optionsStandardEn: ["Uniform", "School trips", "Food and snacks", "Getting to school", "Clubs and activities"],
      optionsYoungEn: ["Uniform", "Trips", "Food", "Getting to school", "Clubs"],
      ...cy(welsh, {
        textStandardCy: "Pa gostau sydd anoddaf i'w talu?",
        optionsStandardCy: [
          "Gwisg ysgol",
          "Tripiau ysgol",
          "Bwyd a byrbrydau",
          "Teithio i'r ysgol",
          "Clybiau a gweithgareddau",
        ],
      }),
    },
    {
      ...blank,
      kind: "rating",
      page: 2,
      scale: "quality",
      textStandardEn: "How well does your school help when money is tight?",
      textYoungEn: "How good is your school at helping when money is tight?",
      ...cy(welsh, { textStandardCy: "Pa mor dda mae eich ysgol yn helpu pan fo arian yn brin?" }),
    },
    {
      ...blank,
      kind: "text",
      page: 2,
      maxLength: 1000,
      textStandardEn: "What one change would help most?",
      textYoungEn: "If you could change one thing, what would it be?",
      ...cy(welsh, { textStandardCy: "Pa un newid fyddai'n helpu fwyaf?" }),
    },
    {
      ...blank,
      kind: "postcode",
      page: 3,
      textStandardEn: "The first part of your postcode",
      textYoungEn: "The first part of your postcode",
    },
  ];
}

export function openQuestions(welsh: boolean): QuestionInput[] {
  return [
    {
      ...blank,
      kind: "single",
      required: true,
      textStandardEn: "Have you used any help for families in the last year?",
      textYoungEn: "Has your family had any help in the last year?",
      optionsStandardEn: ["Yes", "No", "Not sure"],
      ...cy(welsh, {
        textStandardCy: "Ydych chi wedi cael unrhyw help i deuluoedd yn y flwyddyn ddiwethaf?",
        optionsStandardCy: ["Do", "Naddo", "Ddim yn siŵr"],
      }),
    },
    {
      ...blank,
      kind: "rating",
      page: 2,
      scale: "agreement",
      textStandardEn: "It is easy to find out what help there is.",
      textYoungEn: "It is easy to find out where to get help.",
      ...cy(welsh, { textStandardCy: "Mae'n hawdd darganfod pa help sydd ar gael." }),
    },
    {
      ...blank,
      kind: "text",
      page: 2,
      maxLength: 1000,
      textStandardEn: "What would make help easier to get?",
      textYoungEn: "What would make it easier to get help?",
      ...cy(welsh, { textStandardCy: "Beth fyddai'n gwneud help yn haws i'w gael?" }),
    },
  ];
}

export interface DemoTheme {
  name: string;
  description: string;
  response: string;
  otherMentions: number;
  quote?: string;
  said: { young: string[]; standard: string[] };
}

/** Themes in order of how often they come up (the last one is rare, so its count shows as [c]). */
export function demoThemes(nation: string): DemoTheme[] {
  const grant =
    nation === "wales"
      ? "School Essentials Grant"
      : nation === "scotland"
        ? "school clothing grant"
        : "uniform support";
  return [
    {
      name: "School uniform costs too much",
      description: "Branded uniform, PE kit, shoes, replacing outgrown items.",
      response: `Every primary school now runs a free uniform swap, branded items are optional, and the ${grant} is promoted at every parents' evening.`,
      otherMentions: 8,
      quote: "The jumper with the badge costs three times the plain one.",
      said: {
        young: [
          "My blazer is too small but we can't get a new one yet",
          "The PE kit is really expensive",
          "Uniform with the logo costs loads",
        ],
        standard: [
          "Branded uniform from one shop is the biggest cost",
          "Shoes and PE kit every term add up",
          "We rely on second-hand uniform",
        ],
      },
    },
    {
      name: "Paying for school trips",
      description: "Trips, residentials, visits, voluntary contributions.",
      response:
        "Schools agreed that no pupil misses a trip because of cost, with discreet help through the school office.",
      otherMentions: 5,
      quote: "I pretended to be ill on the day of the trip.",
      said: {
        young: [
          "I didn't go on the trip because it cost too much",
          "Trips are fun but my mum can't pay",
          "The residential was too expensive",
        ],
        standard: [
          "Trips are asked for with little notice",
          "We cannot afford the residential trip",
          "Voluntary contributions do not feel voluntary",
        ],
      },
    },
    {
      name: "Food and snacks during the day",
      description: "Lunches, breakfast, snacks, cooking ingredients.",
      response:
        "Breakfast clubs are free in every school in the most deprived neighbourhoods, and families are helped to apply for free school meals.",
      otherMentions: 3,
      said: {
        young: [
          "I get hungry before lunch",
          "Cooking lessons need ingredients we don't have",
          "Snacks at break cost money",
        ],
        standard: ["Ingredients for food technology are a cost", "Lunch money runs out before the end of the month"],
      },
    },
    {
      name: "Getting to school",
      description: "Bus fares, distance, safe routes.",
      response:
        "The council is reviewing school transport eligibility with the transport partner; progress is reported in the action plan.",
      otherMentions: 0,
      said: {
        young: ["The bus is expensive", "It's a long walk when it rains"],
        standard: ["Bus fares for two children cost a lot each week"],
      },
    },
    {
      name: "Clubs and activities after school",
      description: "After-school clubs, music lessons, sport.",
      response: "Two secondary schools are trying free after-school clubs this year; we will report what we learn.",
      otherMentions: 0,
      said: { young: ["I want to do the football club but it costs"], standard: ["Music lessons are out of reach"] },
    },
  ];
}
