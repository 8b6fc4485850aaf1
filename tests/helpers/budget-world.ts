/**
 * The budgets tests' world: a partnership in England named after `place`, its council as a member,
 * a neighbouring partnership, a national body whose editor works on the first partnership, and
 * three actions led by the council — A1 "Advice in schools" and A2 "Holiday meals" of the
 * partnership, and the neighbour's private one — whose own fields a file may give (dates).
 * A file names its places by extending `budgetPlaces`.
 */
import { actions } from "../../src/cycle/actions/index.ts";
import { appTest } from "./app-test.ts";
import { addMember } from "./partnership-fixtures.ts";

type ActionExtra = Partial<typeof actions.$inferInsert>;

export const budgetTest = appTest
  .extend(
    "budgetPlaces",
    { scope: "file" },
    {
      place: "Northvale",
      code: "E06000095",
      neighbour: "Southvale",
      neighbourCode: "E06000094",
      neighbourReference: "S1",
      advice: {} as ActionExtra,
      meals: {} as ActionExtra,
    },
  )
  .extend("budgetWorld", { scope: "file" }, async ({ budgetPlaces: places, database, db, fixtures, signIn }) => {
    const { place, neighbour } = places;
    const org = await fixtures.organisation(`${place} Improvement Service`, "national-body");
    const partnership = await fixtures.partnership(`${place} Partnership`, "england", places.code, place);
    const other = await fixtures.partnership(`${neighbour} Partnership`, "england", places.neighbourCode, neighbour);
    const council = await addMember(database, partnership.id, `${place} Council`, "council");
    const led = { leadOrganisationId: council.id };
    const rows = await db
      .insert(actions)
      .values([
        { partnershipId: partnership.id, ...led, reference: "A1", title: "Advice in schools", ...places.advice },
        { partnershipId: partnership.id, ...led, reference: "A2", title: "Holiday meals", ...places.meals },
        { partnershipId: other.id, ...led, reference: places.neighbourReference, title: `${neighbour} private action` },
      ])
      .returning();
    const [advice, meals, foreign] = rows.map((row) => row.id) as [string, string, string];
    const editorEmail = `editor@${place.toLowerCase()}.example`;
    await fixtures.user(editorEmail, org.id, { roles: [[partnership.id, "editor"]] });
    return { org, partnership, other, council, advice, meals, foreign, editor: await signIn(editorEmail) };
  });
