/**
 * The release date and time fields of a batch's embargo, shared by the forms that set one (a
 * partnership's data access page, the scheduled releases page): the fields, and an instant as
 * the UK date and time they show.
 */
import { z } from "zod";
import { type FieldDef, optionalDate } from "../../kernel/forms/index.ts";
import { londonDate } from "../../kernel/time.ts";
import { londonInstant } from "./embargo.ts";

export const releaseTimeFields: FieldDef[] = [
  { id: "releaseDate", label: "Release date", type: "date", hint: "For example 31/03/2027" },
  {
    id: "releaseTime",
    label: "Release time (UK time, 24-hour clock)",
    type: "text",
    hint: "For example 09:30",
    classes: "govuk-input--width-5",
  },
];

const timeOfDay = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The fields' values for a release time (empty for none): day/month/year and hh:mm, UK time. */
export function releaseTimeValues(until: Date | null): { releaseDate: string; releaseTime: string } {
  if (!until) return { releaseDate: "", releaseTime: "" };
  const [year, month, day] = londonDate(until).split("-");
  return { releaseDate: `${day}/${month}/${year}`, releaseTime: timeOfDay.format(until) };
}

/** The instant of a release date and time typed in UK time, or null with the time field named. */
export function releaseInstant(isoDate: string, time: string, ctx: z.RefinementCtx): Date | null {
  const until = londonInstant(isoDate, time);
  if (!until)
    ctx.addIssue({
      code: "custom",
      path: ["releaseTime"],
      message: "Enter the release time in 24-hour UK time, like 09:30 (a time that exists on that day)",
    });
  return until;
}

/**
 * An optional release time as typed (both fields empty: none, released at once), or the field at
 * fault named. With `notBefore`, a time already past is refused: an import's release time is set
 * before anyone can see the values, so a past one is a typing mistake, not "release now".
 */
export function optionalReleaseTime(notBefore?: () => Date) {
  return z
    .object({
      releaseDate: optionalDate("release date"),
      releaseTime: z.string().trim().max(20).optional().default(""),
    })
    .transform((form, ctx): { until: Date | null } => {
      if (form.releaseDate === null && form.releaseTime === "") return { until: null };
      if (form.releaseDate === null) {
        ctx.addIssue({ code: "custom", path: ["releaseDate"], message: "Enter the release date, or clear the time" });
        return z.NEVER;
      }
      const until = releaseInstant(form.releaseDate, form.releaseTime, ctx);
      if (!until) return z.NEVER;
      if (notBefore && until.getTime() <= notBefore().getTime()) {
        ctx.addIssue({
          code: "custom",
          path: ["releaseDate"],
          message: "The release date and time must be in the future, or leave both empty to release at once",
        });
        return z.NEVER;
      }
      return { until };
    });
}
