/**
 * The words of the public survey pages in English and Welsh. The Welsh was written for this
 * service; a Welsh partnership's language officer should check it before its first survey.
 */
import type { Language } from "../consultation/index.ts";

const english = {
  htmlLang: "en",
  switchLanguage: { text: "Cymraeg", lang: "cy" },
  exitThisPage: "Exit this page",
  exitActivated: "Loading.",
  exitTimedOut: "Exit this page expired.",
  exitTwoMore: "Shift, press 2 more times to exit.",
  exitOneMore: "Shift, press 1 more time to exit.",
  exitHint: "If you need to leave quickly, use the Exit this page button. With a keyboard, press Shift three times.",
  helpHeading: "Where to get help now",
  helpEmergency: "If you or someone else is in danger now, call 999.",
  helpChildline:
    "Children and young people can talk to Childline about anything, free, on 0800 1111 (childline.org.uk).",
  helpSamaritans: "Anyone can call Samaritans, free, any time, on 116 123.",
  helpWales: "Young people in Wales can contact Meic, free, on 080880 23456.",
  helpScotland: "Parents and carers in Scotland can call Parentline Scotland, free, on 08000 28 22 33.",
  haveYourSay: "Have your say",
  startHeading: "Which version would you like?",
  startYoung: "Young people's version",
  startYoungHint: "Shorter words and faces to choose from. For children and young people.",
  startStandard: "Standard version",
  startStandardHint: "For parents, carers and anyone else.",
  start: "Start",
  chooseVersion: "Choose the young people's version or the standard version",
  anonymous:
    "You do not need to give your name. We do not keep your internet address or anything about your device, and we use no tracking cookies.",
  whoListens: "Who will read your answers",
  closesOn: "This survey closes on",
  feedbackBy: "We will tell you what we did by",
  continue: "Continue",
  back: "Back",
  optional: "(optional)",
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  checkHeading: "Check your answers before sending them",
  change: "Change",
  notAnswered: "Not answered",
  send: "Send my answers",
  sendHint: "By sending your answers you agree that the partnership can use them, without your name, to plan its work.",
  thanksHeading: "Your answers have been sent",
  thanksBody: "Thank you for having your say.",
  thanksNext: "What happens next",
  closedHeading: "This survey has closed",
  closedOn: "This survey closed on",
  notOpenHeading: "This survey is not open yet",
  opensOn: "It opens on",
  timedOutHeading: "Your answers were not kept",
  timedOutBody: "To keep your answers private, we delete them if a page is left for an hour. You can start again.",
  startAgain: "Start again",
  busyHeading: "Too many answers from your connection",
  busyBody:
    "Lots of answers have been sent from the same internet connection in the last few minutes, so we have paused this one to stop misuse. Nothing has been saved. Please wait 10 minutes and send your answers again.",
  contactHeading: "Would you like us to tell you what happened?",
  contactYes: "Yes, I will give contact details",
  contactNo: "No",
  contactName: "Your name",
  contactField: "Email address or phone number",
  contactConsent: "I agree that the partnership may keep these contact details to tell me what happened.",
  contactKept:
    "We keep contact details apart from your answers, so nobody can tell which answers are yours, and we delete them when we stop keeping the survey's answers.",
  errorSummary: "There is a problem",
  preview: "Preview: these answers will not be sent.",
  youSaidWeDid: "You said, we did",
  honeypot: "Leave this empty",
  contactNeeded: "Enter an email address or phone number, or choose No",
  consentNeeded: "Tick the box to agree that we may keep your contact details, or choose No",
  contactChoice: "Choose yes or no",
};

export type UiText = typeof english;

const welsh: UiText = {
  htmlLang: "cy",
  switchLanguage: { text: "English", lang: "en" },
  exitThisPage: "Gadael y dudalen hon",
  exitActivated: "Yn llwytho.",
  exitTimedOut: "Mae Gadael y dudalen hon wedi dod i ben.",
  exitTwoMore: "Shift, pwyswch 2 waith eto i adael.",
  exitOneMore: "Shift, pwyswch 1 waith eto i adael.",
  exitHint:
    "Os oes angen i chi adael yn gyflym, defnyddiwch y botwm Gadael y dudalen hon. Gyda bysellfwrdd, pwyswch Shift dair gwaith.",
  helpHeading: "Ble i gael help nawr",
  helpEmergency: "Os ydych chi neu rywun arall mewn perygl nawr, ffoniwch 999.",
  helpChildline:
    "Gall plant a phobl ifanc siarad â Childline am unrhyw beth, am ddim, ar 0800 1111 (childline.org.uk).",
  helpSamaritans: "Gall unrhyw un ffonio'r Samariaid, am ddim, unrhyw bryd, ar 116 123.",
  helpWales: "Gall pobl ifanc yng Nghymru gysylltu â Meic, am ddim, ar 080880 23456.",
  helpScotland: "Gall rhieni a gofalwyr yn yr Alban ffonio Parentline Scotland, am ddim, ar 08000 28 22 33.",
  haveYourSay: "Dweud eich dweud",
  startHeading: "Pa fersiwn hoffech chi?",
  startYoung: "Fersiwn pobl ifanc",
  startYoungHint: "Geiriau byrrach a wynebau i ddewis ohonynt. Ar gyfer plant a phobl ifanc.",
  startStandard: "Fersiwn safonol",
  startStandardHint: "Ar gyfer rhieni, gofalwyr ac unrhyw un arall.",
  start: "Dechrau",
  chooseVersion: "Dewiswch fersiwn pobl ifanc neu'r fersiwn safonol",
  anonymous:
    "Does dim angen i chi roi eich enw. Nid ydym yn cadw eich cyfeiriad rhyngrwyd nac unrhyw beth am eich dyfais, ac nid ydym yn defnyddio cwcis tracio.",
  whoListens: "Pwy fydd yn darllen eich atebion",
  closesOn: "Mae'r arolwg hwn yn cau ar",
  feedbackBy: "Byddwn yn dweud wrthych beth wnaethom erbyn",
  continue: "Parhau",
  back: "Yn ôl",
  optional: "(dewisol)",
  pageOf: (page: number, count: number) => `Tudalen ${page} o ${count}`,
  checkHeading: "Gwiriwch eich atebion cyn eu hanfon",
  change: "Newid",
  notAnswered: "Heb ateb",
  send: "Anfon fy atebion",
  sendHint:
    "Drwy anfon eich atebion rydych yn cytuno y gall y bartneriaeth eu defnyddio, heb eich enw, i gynllunio ei gwaith.",
  thanksHeading: "Mae eich atebion wedi cael eu hanfon",
  thanksBody: "Diolch am ddweud eich dweud.",
  thanksNext: "Beth sy'n digwydd nesaf",
  closedHeading: "Mae'r arolwg hwn wedi cau",
  closedOn: "Caeodd yr arolwg hwn ar",
  notOpenHeading: "Nid yw'r arolwg hwn ar agor eto",
  opensOn: "Mae'n agor ar",
  timedOutHeading: "Ni chafodd eich atebion eu cadw",
  timedOutBody:
    "Er mwyn cadw eich atebion yn breifat, rydym yn eu dileu os gadewir tudalen am awr. Gallwch ddechrau eto.",
  startAgain: "Dechrau eto",
  busyHeading: "Gormod o atebion o'ch cysylltiad",
  busyBody:
    "Mae llawer o atebion wedi cael eu hanfon o'r un cysylltiad rhyngrwyd yn yr ychydig funudau diwethaf, felly rydym wedi oedi'r un hwn i atal camddefnydd. Does dim wedi cael ei gadw. Arhoswch 10 munud ac anfonwch eich atebion eto.",
  contactHeading: "Hoffech chi i ni ddweud wrthych beth ddigwyddodd?",
  contactYes: "Hoffwn, rhoddaf fanylion cyswllt",
  contactNo: "Na hoffwn",
  contactName: "Eich enw",
  contactField: "Cyfeiriad e-bost neu rif ffôn",
  contactConsent: "Rwy'n cytuno y gall y bartneriaeth gadw'r manylion cyswllt hyn i ddweud wrthyf beth ddigwyddodd.",
  contactKept:
    "Rydym yn cadw manylion cyswllt ar wahân i'ch atebion, fel na all neb ddweud pa atebion yw eich rhai chi, ac rydym yn eu dileu pan fyddwn yn stopio cadw atebion yr arolwg.",
  errorSummary: "Mae problem wedi codi",
  preview: "Rhagolwg: ni fydd yr atebion hyn yn cael eu hanfon.",
  youSaidWeDid: "Dywedoch chi, gwnaethom ni",
  honeypot: "Gadewch hwn yn wag",
  contactNeeded: "Rhowch gyfeiriad e-bost neu rif ffôn, neu dewiswch Na hoffwn",
  consentNeeded: "Ticiwch y blwch i gytuno y gallwn gadw eich manylion cyswllt, neu dewiswch Na hoffwn",
  contactChoice: "Dewiswch hoffwn neu na hoffwn",
};

export function uiText(language: Language): UiText {
  return language === "cy" ? welsh : english;
}

const months = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  cy: [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
  ],
};

/** "31 March 2026" / "31 Mawrth 2026". */
export function longDateIn(iso: string | null, language: Language): string {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return `${day} ${months[language][month! - 1]} ${year}`;
}
