/**
 * A Scottish partnership with three member organisations and one person of each role, and a
 * neighbouring partnership with its own lead: the world of the action-access and progress-update
 * tests, where who may change an action depends on the organisation that leads it.
 */
import { eq } from "drizzle-orm";
import { actionUpdates } from "../../src/cycle/monitoring/index.ts";
import { appTest } from "./app-test.ts";
import { addMembers } from "./strategy-fixtures.ts";

export const glenbraeTest = appTest
  .extend("updatesOf", { scope: "file" }, ({ db }) => async (actionId: string) => {
    return db.select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId));
  })
  .extend("glenbrae", { scope: "file" }, async ({ database, fixtures, signIn }) => {
    const council = await fixtures.organisation("Glenbrae Council");
    const health = await fixtures.organisation("Glenbrae Health Board", "health-board");
    const jcp = await fixtures.organisation("Jobcentre Plus Glenbrae", "jobcentre-plus");
    const far = await fixtures.organisation("Farshire Council");
    const pid = (await fixtures.partnership("Glenbrae Child Poverty Partnership", "scotland", "S12000001", "Glenbrae"))
      .id;
    const otherPid = (await fixtures.partnership("Farshire Partnership", "scotland", "S12000002", "Farshire")).id;
    await addMembers(database, pid, [council.id, health.id, jcp.id]);
    await addMembers(database, otherPid, [far.id]);
    await fixtures.user("lead@glenbrae.example", council.id, { roles: [[pid, "lead"]] });
    await fixtures.user("editor@health.example", health.id, { roles: [[pid, "editor"]] });
    await fixtures.user("viewer@jcp.example", jcp.id, { roles: [[pid, "viewer"]] });
    await fixtures.user("lead@farshire.example", far.id, { roles: [[otherPid, "lead"]] });
    return {
      pid,
      otherPid,
      org: { council: council.id, health: health.id, jcp: jcp.id, far: far.id },
      lead: await signIn("lead@glenbrae.example"),
      editor: await signIn("editor@health.example"),
      viewer: await signIn("viewer@jcp.example"),
      outsider: await signIn("lead@farshire.example"),
    };
  });
