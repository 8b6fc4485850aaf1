/**
 * The Lundy model of participation as a check on each activity: space (a safe, inclusive place
 * to give views), voice (children and families actually gave them), audience (someone with
 * the power to act listens) and influence (views were acted on, and people were told).
 */
import { childAudiences } from "./vocabulary.ts";

export interface LundyInput {
  audiences: string[];
  accessibility: string;
  safeguarding: string;
  informs: string[];
  informsActions: number;
  leadOrganisationId: string | null;
  feedbackBy: string | null;
  participants: number;
  responses: number;
  youngResponses: number;
  themes: number;
  themesLinked: number;
  published: boolean;
}

export interface LundyElement {
  key: "space" | "voice" | "audience" | "influence";
  label: string;
  question: string;
  met: boolean;
  detail: string;
}

export function lundyCheck(input: LundyInput): LundyElement[] {
  const involvesChildren = input.audiences.some((audience) => (childAudiences as string[]).includes(audience));
  const people = input.participants + input.responses;
  return [
    {
      key: "space",
      label: "Space",
      question: "Was there a safe, inclusive space to give views?",
      met: !!input.accessibility.trim() && !!input.safeguarding.trim(),
      detail:
        input.accessibility.trim() && input.safeguarding.trim()
          ? "Accessibility and safeguarding measures are recorded."
          : "Record the accessibility and safeguarding measures.",
    },
    {
      key: "voice",
      label: "Voice",
      question: "Did children, young people and families give their views?",
      met: people > 0 && (involvesChildren || input.youngResponses > 0),
      detail:
        people === 0
          ? "No participants or responses recorded yet."
          : involvesChildren || input.youngResponses > 0
            ? `${people} people took part, children or young people among them.`
            : `${people} people took part, but no children or young people are recorded among them.`,
    },
    {
      key: "audience",
      label: "Audience",
      question: "Were the views listened to by people with the power to act?",
      met: !!input.leadOrganisationId && (input.informs.length > 0 || input.informsActions > 0),
      detail:
        input.leadOrganisationId && (input.informs.length > 0 || input.informsActions > 0)
          ? "A lead partner is named and the activity informs the partnership's plans."
          : "Name the lead partner and what the activity informs (needs assessment, strategy, report or actions).",
    },
    {
      key: "influence",
      label: "Influence",
      question: "Were the views acted on, and were people told what changed?",
      met: input.published && input.themesLinked > 0,
      detail: input.published
        ? `“You said, we did” is published; ${input.themesLinked} of ${input.themes} themes are linked to findings, priorities or actions.`
        : `Not reported back yet${input.feedbackBy ? ` (promised by ${input.feedbackBy})` : ""}; ${input.themesLinked} of ${input.themes} themes linked.`,
    },
  ];
}
