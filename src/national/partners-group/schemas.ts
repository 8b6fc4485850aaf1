import { z } from "zod";

const text = (label: string, max: number, required = false) => {
  const base = z.string({ error: `Enter ${label}` }).trim();
  return required
    ? base
        .min(1, `Enter ${label}`)
        .max(max, `${capitalise(label)} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    : base.max(max, `${capitalise(label)} must be ${max.toLocaleString("en-GB")} characters or fewer`).default("");
};
function capitalise(label: string): string {
  const plain = label.replace(/^(the|a|an) /, "");
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

export const groupForm = z.object({
  name: text("the group's name", 200, true),
  remit: text("the remit", 5_000),
  meetingIntervalWeeks: z.coerce
    .number({ error: "Enter how many weeks apart the group meets, as a number" })
    .int("Enter a whole number of weeks")
    .min(1, "The group meets at least every week (1)")
    .max(26, "The group meets at least every 26 weeks"),
});
export type GroupForm = z.infer<typeof groupForm>;

const website = z
  .string()
  .trim()
  .max(500, "Website must be 500 characters or fewer")
  .refine((value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), {
    message: "Enter the website as a full address starting https://",
  })
  .default("");

export const profileForm = z.object({
  whoWeAre: text("who you are", 5_000, true),
  whatWeOffer: text("what you offer", 5_000),
  howToEngage: text("how to engage with you", 5_000),
  aims: text("what you are trying to achieve", 5_000),
  contactName: text("a contact name", 200),
  contactEmail: z
    .string()
    .trim()
    .max(320, "Contact email must be 320 characters or fewer")
    .refine((value) => value === "" || z.email().safeParse(value).success, {
      message: "Enter the contact email in the correct format, like name@example.org",
    })
    .default(""),
  website,
});
export type ProfileForm = z.infer<typeof profileForm>;

export const addMemberForm = z.object({
  organisationId: z.uuid({ error: "Select the organisation to add" }),
});

export const partnerPersonForm = z.object({
  email: z
    .string({ error: "Enter the person's email address" })
    .trim()
    .min(1, "Enter the person's email address")
    .max(320, "Email address must be 320 characters or fewer"),
});
