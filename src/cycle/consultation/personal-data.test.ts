import { describe, expect, it } from "vitest";
import { describeFlags, personalDataFlags } from "./personal-data.ts";

const kinds = (text: string) => personalDataFlags(text).map((flag) => `${flag.kind}:${flag.text}`);

describe("personal data check for quotes", () => {
  it("flags names, emails, phone numbers, postcodes and addresses", () => {
    expect(kinds("My name is Sarah Jones and I live at 12 Acacia Avenue, DL1 5AD")).toEqual(
      expect.arrayContaining(["name:Sarah Jones", "address:12 Acacia Avenue", "postcode:DL1 5AD"]),
    );
    expect(kinds("email me at jo.bloggs@example.org")).toEqual(["email:jo.bloggs@example.org"]);
    expect(kinds("ring 07700 900123 after school")).toEqual(["phone:07700 900123"]);
    expect(kinds("we moved to flat 3 last year")).toEqual(["address:flat 3"]);
    expect(kinds("Jayden in my class never has lunch")).toEqual(["name:Jayden"]);
  });

  it("leaves ordinary comments alone", () => {
    expect(kinds("The bus costs too much and school uniform is expensive.")).toEqual([]);
    expect(kinds("I have 3 kids aged 4, 7 and 12 and it costs £12.50 a week")).toEqual([]);
  });

  it("says what it found in plain words", () => {
    expect(describeFlags(personalDataFlags("call 0113 496 0000"))).toEqual([
      "Looks like a phone number: 0113 496 0000",
    ]);
  });
});
