/**
 * The support types of the 2010 "Core Offer" matrix (seed 002, section 5.4), in its order.
 * Codes are stored; labels are shown.
 */
export const supportTypes = [
  { code: "peer-review", label: "Peer review" },
  { code: "needs-assessment", label: "Needs assessment" },
  { code: "leadership", label: "Leadership" },
  { code: "networking", label: "Networking" },
  { code: "tailored-support", label: "Sector-led tailored support, including developing strategies" },
  { code: "workforce-development", label: "Workforce development" },
  { code: "effective-practice", label: "Effective practice" },
  { code: "knowledge", label: "Knowledge (national policy updates, research)" },
  { code: "data", label: "Data" },
  { code: "consultation", label: "Consultation" },
  { code: "self-assessment", label: "Self-assessment" },
] as const;

export type SupportType = (typeof supportTypes)[number]["code"];
export const supportTypeCodes = supportTypes.map((type) => type.code) as [SupportType, ...SupportType[]];
const typeLabels = new Map<string, string>(supportTypes.map((type) => [type.code, type.label]));
export const supportTypeLabel = (code: string): string => typeLabels.get(code) ?? code;

/** How an offer is delivered. */
export const offerFormats = [
  { code: "training", label: "Workshop or training" },
  { code: "one-to-one", label: "One-to-one support" },
  { code: "network", label: "Network, event or peer group" },
  { code: "guidance", label: "Guidance, toolkit or template" },
  { code: "online", label: "Online resource or briefing" },
  { code: "data-service", label: "Data or analysis service" },
] as const;
export type OfferFormat = (typeof offerFormats)[number]["code"];
export const offerFormatCodes = offerFormats.map((format) => format.code) as [OfferFormat, ...OfferFormat[]];
const formatLabels = new Map<string, string>(offerFormats.map((format) => [format.code, format.label]));
export const offerFormatLabel = (code: string): string => formatLabels.get(code) ?? code;
