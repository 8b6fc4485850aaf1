/**
 * A check run on every quote before it can be published: it flags what looks like a name, an
 * email address, a phone number, a postcode or a street address. It cannot be sure either way
 * (a flagged word may be a shop; a name may be missed), so a flag asks a reviewer to confirm,
 * and the reviewer still reads every quote.
 */
import nlp from "compromise";
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import { match as matchPostcodes } from "postcode";

export type PersonalDataKind = "name" | "email" | "phone" | "postcode" | "address";

export interface PersonalDataFlag {
  kind: PersonalDataKind;
  text: string;
}

const kindLabels: Record<PersonalDataKind, string> = {
  name: "a name",
  email: "an email address",
  phone: "a phone number",
  postcode: "a postcode",
  address: "a street address",
};

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
const STREET =
  /\b(?:flat\s+\d+[a-z]?|\d{1,4}[a-z]?,?\s+(?:[a-z'-]+\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|close|court|crescent|place|way|gardens|terrace|grove|hill|park|view|walk|row|square|mews|wynd|brae|vale))\b/gi;

/** Everything in the text that looks like personal data, each once. */
export function personalDataFlags(text: string): PersonalDataFlag[] {
  const found: PersonalDataFlag[] = [];
  const add = (kind: PersonalDataKind, value: string) => {
    const trimmed = value.trim().replace(/[.,;:!?]+$/, "");
    if (trimmed && !found.some((flag) => flag.kind === kind && flag.text === trimmed))
      found.push({ kind, text: trimmed });
  };
  for (const match of text.matchAll(EMAIL)) add("email", match[0]);
  // Extended: possible numbers too, not only valid ones (a number from a reserved range is still a way to find someone).
  for (const number of findPhoneNumbersInText(text, { defaultCountry: "GB", extended: true }))
    add("phone", text.slice(number.startsAt, number.endsAt));
  for (const postcode of matchPostcodes(text)) add("postcode", postcode);
  for (const match of text.matchAll(STREET)) add("address", match[0]);
  const withoutEmails = text.replace(EMAIL, " ");
  for (const name of nlp(withoutEmails).people().out("array") as string[]) add("name", name);
  return found;
}

/** "Possible name: Sarah Jones" lines, as stored with the quote and shown to the reviewer. */
export function describeFlags(flags: PersonalDataFlag[]): string[] {
  return flags.map((flag) => `Looks like ${kindLabels[flag.kind]}: ${flag.text}`);
}
