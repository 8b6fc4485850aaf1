import { describe, expect } from "vitest";
import { partnershipRoles, users } from "../../src/workspace/access/index.ts";
import { addDays, londonToday, meetingActions, meetings } from "../../src/cycle/meetings/index.ts";
import { appTest as test } from "../helpers/app-test.ts";

test.beforeAll(async ({ db, fixtures }) => {
  const org = await fixtures.organisation("Lakeside Council", "council");
  const lakeside = await fixtures.partnership("Lakeside Partnership", "england", "E06000080", "Lakeside");
  const other = await fixtures.partnership("Hilltop Partnership", "england", "E06000081", "Hilltop");
  const [past] = await db
    .insert(meetings)
    .values([
      { partnershipId: lakeside.id, title: "March meeting", meetingDate: addDays(londonToday(), -10) },
      {
        partnershipId: lakeside.id,
        title: "Minuted meeting",
        meetingDate: addDays(londonToday(), -40),
        minutes: "<p>Done</p>",
      },
      { partnershipId: lakeside.id, title: "Future meeting", meetingDate: addDays(londonToday(), 10) },
      { partnershipId: other.id, title: "Hilltop meeting", meetingDate: addDays(londonToday(), -10) },
    ])
    .returning();
  await db.insert(meetingActions).values([
    {
      partnershipId: lakeside.id,
      meetingId: past!.id,
      description: "Map advice services",
      owner: "Council",
      dueDate: addDays(londonToday(), -1),
    },
    {
      partnershipId: lakeside.id,
      meetingId: past!.id,
      description: "Finished task",
      owner: "Council",
      dueDate: addDays(londonToday(), -1),
      status: "done",
    },
    {
      partnershipId: lakeside.id,
      meetingId: past!.id,
      description: "Later task",
      owner: "Council",
      dueDate: addDays(londonToday(), 5),
    },
  ]);
  await fixtures.user("lead@lakeside.example", org.id, { roles: [[lakeside.id, "lead"]] });
  await fixtures.user("viewer@lakeside.example", org.id, { roles: [[lakeside.id, "viewer"]] });
  const [invited] = await db
    .insert(users)
    .values({ email: "new@lakeside.example", name: "New Partner", organisationId: org.id, status: "invited" })
    .returning();
  await db.insert(partnershipRoles).values({ userId: invited!.id, partnershipId: lakeside.id, role: "editor" });
});

describe("attention list", () => {
  test("shows a lead meetings needing minutes, overdue actions and pending invitations in their partnership", async ({
    signIn,
  }) => {
    const lead = await signIn("lead@lakeside.example");
    const page = await lead.get("/attention");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Meetings needing minutes (1)");
    expect(page.body).toContain("March meeting");
    expect(page.body).not.toContain("Minuted meeting");
    expect(page.body).not.toContain("Future meeting");
    expect(page.body).not.toContain("Hilltop meeting");
    expect(page.body).toContain("Actions arising overdue (1)");
    expect(page.body).toContain("Map advice services");
    expect(page.body).not.toContain("Finished task");
    expect(page.body).not.toContain("Later task");
    expect(page.body).toContain("New Partner (new@lakeside.example)");
  });

  test("a viewer sees overdue actions but not minutes to write or invitations", async ({ signIn }) => {
    const viewer = await signIn("viewer@lakeside.example");
    const page = await viewer.get("/attention");
    expect(page.body).toContain("Map advice services");
    expect(page.body).not.toContain("March meeting");
    expect(page.body).not.toContain("New Partner");
  });

  test("needs a signed-in user", async ({ client }) => {
    expect((await client().get("/attention")).statusCode).toBe(303);
  });
});
