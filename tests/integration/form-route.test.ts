import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/kernel/errors/app-error.ts";
import { deleteRoute, formRoute, moneyField, requiredText } from "../../src/kernel/forms/index.ts";
import { path } from "../../src/kernel/http/paths.ts";
import { actor, partnership, type StubApp, stubApp } from "../helpers/stub-app.ts";

// The form route and delete-with-confirm on the kernel's server alone, with a stub service.
const north = partnership("North Partnership", "england");
const paths = {
  list: path("/partnerships/:id/things"),
  add: path("/partnerships/:id/things/new"),
  edit: path("/partnerships/:id/things/:thingId/edit"),
  remove: path("/partnerships/:id/things/:thingId/delete"),
  notes: path("/partnerships/:id/things/:thingId/notes"),
  organisationNew: path("/admin/organisations/new"),
  organisations: path("/admin/organisations"),
  code: path("/codes/:state", { state: z.enum(["open", "gone"]) }),
};

interface Thing {
  id: string;
  title: string;
  costPence: number | null;
}
const store = new Map<string, Thing>();
const calls: string[] = [];
const thingForm = z.object({ title: requiredText("Enter a title", 50), cost: moneyField("cost") });

let t: StubApp;
beforeAll(async () => {
  t = await stubApp({
    partnerships: [north],
    actors: {
      viewer: actor("viewer", { roles: [[north.id, "viewer"]] }),
      editor: actor("editor", { roles: [[north.id, "editor"]] }),
      admin: actor("admin", { admin: true }),
    },
    register: (app) => {
      app.get(paths.list.pattern, async (_request, reply) => reply.view("layout.njk", { title: "Things" }));
      formRoute(app, {
        path: paths.add,
        needs: { partnership: "partnership:edit" },
        title: "Add a thing",
        fields: [
          { id: "title", label: "Title", type: "text" },
          { id: "cost", label: "Cost", type: "money" },
        ],
        schema: thingForm,
        save: async (ctx, data) => {
          calls.push(`add ${data.title}`);
          if (data.title === "Taken") throw AppError.validation([{ field: "title", message: "That title is taken" }]);
          const id = randomUUID();
          store.set(id, { id, title: data.title, costPence: data.cost });
          return paths.list(ctx.partnership.id);
        },
        flash: "The thing has been saved",
        back: (ctx) => paths.list(ctx.partnership.id),
      });
      formRoute(app, {
        path: paths.edit,
        needs: { partnership: "partnership:edit" },
        load: async (ctx) => store.get(ctx.params.thingId),
        title: (ctx) => `Change ${ctx.record.title}`,
        fields: [{ id: "title", label: "Title", type: "text" }],
        schema: thingForm,
        initial: (ctx) => ({ title: ctx.record.title }),
        save: async (ctx, data) => {
          calls.push(`edit ${ctx.record.id}`);
          store.set(ctx.record.id, { ...ctx.record, title: data.title });
          return paths.list(ctx.partnership.id);
        },
        flash: (ctx) => `${ctx.record.title} has been changed`,
      });
      deleteRoute(app, {
        path: paths.remove,
        needs: { partnership: "partnership:edit" },
        load: async (ctx) => store.get(ctx.params.thingId),
        question: (ctx) => `Are you sure you want to remove “${ctx.record.title}”?`,
        consequences: () => ["its 2 notes"],
        remove: async (ctx) => {
          calls.push(`remove ${ctx.record.id}`);
          store.delete(ctx.record.id);
        },
        done: (ctx) => paths.list(ctx.partnership.id),
        flash: "The thing has been removed",
      });
      // A form on another route's page (the thing's page): only the POST, drawing that page again on error.
      formRoute(app, {
        path: paths.notes,
        needs: { partnership: "partnership:edit" },
        load: async (ctx) => store.get(ctx.params.thingId),
        schema: z.object({ note: requiredText("Enter a note", 20) }),
        page: (ctx, shown) => ({
          template: "layout.njk",
          view: { title: `The page of ${ctx.record.title}`, shownValues: shown.values },
        }),
        save: async (ctx, data) => {
          calls.push(`note ${data.note}`);
          if (data.note === "Refused") throw AppError.validation([{ field: "note", message: "That note is refused" }]);
          return { redirect: paths.list(ctx.partnership.id), flash: `Note added to ${ctx.record.title}` };
        },
      });
      // A form with a template of its own, posting to another URL (like an existing "create" route).
      formRoute(app, {
        path: paths.organisationNew,
        postTo: paths.organisations,
        needs: { allow: "admin:manage-organisations" },
        template: "organisations/views/form.njk",
        view: () => ({ title: "Add an organisation", typeItems: [{ value: "council", text: "Council" }] }),
        schema: z.object({ name: requiredText("Enter the organisation's name"), type: z.enum(["council"]) }),
        save: async (_ctx, data) => {
          calls.push(`organisation ${data.name}`);
          return paths.organisations();
        },
        flash: "Organisation added",
      });
      // A credential form (like sign-in): no once-token, the code never echoed, a link's own page instead.
      formRoute(app, {
        path: paths.code,
        needs: { public: true },
        once: false,
        secret: ["code"],
        instead: (ctx) =>
          ctx.params.state === "gone"
            ? { status: 410, template: "layout.njk", view: { title: "Link gone" } }
            : undefined,
        title: "Enter the code",
        fields: [
          { id: "name", label: "Name", type: "text" },
          { id: "code", label: "Code", type: "text" },
        ],
        schema: z.object({ name: requiredText("Enter a name"), code: requiredText("Enter the code") }),
        save: async (_ctx, data) => {
          calls.push(`code ${data.code}`);
          if (data.code === "wrong-code") {
            throw new AppError("RATE_LIMITED", "Too many codes", {
              fieldErrors: [{ field: "code", message: "Too many codes: wait 5 minutes" }],
              retryAfterSeconds: 300,
            });
          }
          return { template: "layout.njk", view: { title: `Welcome ${data.name}` } };
        },
      });
    },
  });
});
afterAll(() => t.close());
beforeEach(() => {
  calls.length = 0;
});

describe("the form route", () => {
  it("GET shows the field-list form with the partnership's navigation, Back link and action", async () => {
    const page = await t.client("editor").get(paths.add(north.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Add a thing</h1>');
    expect(page.body).toContain(`action="${paths.add(north.id)}"`);
    expect(page.body).toContain(`href="${paths.list(north.id)}"`);
    expect(page.body).toContain('aria-label="North Partnership: sections"');
    expect(page.body).toMatch(/govuk-input__prefix[^>]*>£</);
  });

  it("POST with bad input: 400, the error summary linking to the field, values kept, nothing saved", async () => {
    const response = await t.client("editor").post(paths.add(north.id), { title: "", cost: "12x" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("<title>Error: Add a thing");
    expect(response.body).toContain("govuk-error-summary");
    expect(response.body).toContain('href="#title"');
    expect(response.body).toContain("Enter a title");
    expect(response.body).toContain("The cost must be an amount in pounds");
    expect(response.body).toContain('value="12x"');
    expect(response.body).not.toContain("_csrf=");
    expect(calls).toEqual([]);
  });

  it("POST that the service refuses: its field error comes back on the form, values kept", async () => {
    const response = await t.client("editor").post(paths.add(north.id), { title: "Taken", cost: "5" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("That title is taken");
    expect(response.body).toContain('value="Taken"');
    expect(response.body).toContain('value="5"');
    expect(calls).toEqual(["add Taken"]);
  });

  it("POST that saves: 303 to the service's answer, and the flash message shows once on the next page", async () => {
    const editor = t.client("editor");
    const response = await editor.post(paths.add(north.id), { title: "Bus passes", cost: "£1,250.50" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(paths.list(north.id));
    expect(response.headers.location).not.toContain("saved");
    expect([...store.values()].find((thing) => thing.title === "Bus passes")?.costPence).toBe(125_050);
    const next = await editor.get(paths.list(north.id));
    expect(next.body).toContain("govuk-notification-banner--success");
    expect(next.body).toContain("The thing has been saved");
    const again = await editor.get(paths.list(north.id));
    expect(again.body).not.toContain("The thing has been saved");
  });

  it("a forged flash cookie shows nothing", async () => {
    const client = t.client("editor");
    client.cookies.set("cpah_flash", `${Buffer.from("Call 0800 000 000").toString("base64url")}.forged`);
    const page = await client.get(paths.list(north.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Call 0800");
  });

  it("refuses before reading the form: 403 for a viewer, 404 elsewhere, 403 without the CSRF token", async () => {
    const viewer = await t.client("viewer").post(paths.add(north.id), { title: "" });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.body).not.toContain("govuk-error-summary");
    expect((await t.client("editor").post(paths.add(randomUUID()), { title: "x" })).statusCode).toBe(404);
    expect((await t.client("editor").post(paths.add("nope"), { title: "x" })).statusCode).toBe(404);
    const forged = await t.client("editor").post(paths.add(north.id), { title: "Forged" }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it("loads the record for an edit form: initial values, a title from it, 404 when it is gone", async () => {
    const id = randomUUID();
    store.set(id, { id, title: "Old title", costPence: null });
    const editor = t.client("editor");
    const form = await editor.get(paths.edit(north.id, id));
    expect(form.body).toContain("Change Old title");
    expect(form.body).toContain('value="Old title"');
    const saved = await editor.post(paths.edit(north.id, id), { title: "New title" });
    expect(saved.statusCode).toBe(303);
    expect((await editor.get(paths.list(north.id))).body).toContain("Old title has been changed");
    expect((await editor.get(paths.edit(north.id, randomUUID()))).statusCode).toBe(404);
    expect((await editor.post(paths.edit(north.id, randomUUID()), { title: "x" })).statusCode).toBe(404);
    expect(calls).toEqual([`edit ${id}`]);
  });

  it("renders a template of its own with the view model, posting where it says", async () => {
    const admin = t.client("admin");
    const form = await admin.get(paths.organisationNew());
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/admin/organisations"');
    expect(form.body).toContain("Add an organisation");
    const bad = await admin.post(paths.organisations(), { name: "Northshire Advice", type: "bank" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="Northshire Advice"');
    expect(bad.body).toContain('href="#type"');
    const good = await admin.post(paths.organisations(), { name: "Northshire Advice", type: "council" });
    expect(good.statusCode).toBe(303);
    expect((await t.client("editor").get(paths.organisationNew())).statusCode).toBe(403);
    expect(calls).toEqual(["organisation Northshire Advice"]);
  });
});

describe("delete with confirmation", () => {
  it("asks first, naming the record and what else goes, with Yes and Cancel", async () => {
    const id = randomUUID();
    store.set(id, { id, title: "Leaflets", costPence: null });
    const page = await t.client("editor").get(paths.remove(north.id, id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Are you sure you want to remove “Leaflets”?");
    expect(page.body).toContain("its 2 notes");
    expect(page.body).toContain("govuk-button--warning");
    expect(page.body).toContain(`<a class="govuk-link" href="${paths.list(north.id)}">Cancel</a>`);
    expect(page.body).toContain(`action="${paths.remove(north.id, id)}"`);
    expect(store.has(id)).toBe(true);
    expect(calls).toEqual([]);
  });

  it("removes on POST with a flash message; a second POST finds nothing (404) and changes nothing", async () => {
    const id = randomUUID();
    store.set(id, { id, title: "Posters", costPence: null });
    const editor = t.client("editor");
    const removed = await editor.post(paths.remove(north.id, id));
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(paths.list(north.id));
    expect((await editor.get(paths.list(north.id))).body).toContain("The thing has been removed");
    expect(store.has(id)).toBe(false);
    const again = await editor.post(paths.remove(north.id, id));
    expect(again.statusCode).toBe(404);
    expect((await editor.get(paths.remove(north.id, id))).statusCode).toBe(404);
    expect(calls).toEqual([`remove ${id}`]);
  });

  it("is refused to a viewer and without the CSRF token", async () => {
    const id = randomUUID();
    store.set(id, { id, title: "Banners", costPence: null });
    expect((await t.client("viewer").get(paths.remove(north.id, id))).statusCode).toBe(403);
    expect((await t.client("viewer").post(paths.remove(north.id, id))).statusCode).toBe(403);
    expect((await t.client("editor").post(paths.remove(north.id, id), {}, { csrf: false })).statusCode).toBe(403);
    expect(store.has(id)).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe("a form on another route's page (page)", () => {
  const thing = () => {
    const id = randomUUID();
    store.set(id, { id, title: "Lunch club", costPence: null });
    return id;
  };

  it("registers no GET of its own", async () => {
    const response = await t.client("editor").get(paths.notes(north.id, thing()));
    expect(response.statusCode).toBe(404);
  });

  it("bad input draws the page again: 400, its title, the error summary; nothing saved", async () => {
    const response = await t.client("editor").post(paths.notes(north.id, thing()), { note: "" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("<title>Error: The page of Lunch club");
    expect(response.body).toContain("govuk-error-summary");
    expect(response.body).toContain('href="#note"');
    expect(response.body).toContain("Enter a note");
    expect(calls).toEqual([]);
  });

  it("a service refusal comes back the same way", async () => {
    const response = await t.client("editor").post(paths.notes(north.id, thing()), { note: "Refused" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("That note is refused");
  });

  it("saves, redirects 303 and shows the flash message save returned", async () => {
    const editor = t.client("editor");
    const response = await editor.post(paths.notes(north.id, thing()), { note: "Mondays" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(paths.list(north.id));
    expect(calls).toEqual(["note Mondays"]);
    expect((await editor.get(paths.list(north.id))).body).toContain("Note added to Lunch club");
  });

  it("authorizes before reading the body, and an unknown record is a 404", async () => {
    expect((await t.client("viewer").post(paths.notes(north.id, thing()), { note: "" })).statusCode).toBe(403);
    expect((await t.client("editor").post(paths.notes(north.id, randomUUID()), { note: "x" })).statusCode).toBe(404);
    expect(calls).toEqual([]);
  });
});

describe("a credential form (once: false, secret, instead)", () => {
  it("answers instead of the form where it says, on GET and POST, reading nothing", async () => {
    const gone = await t.client().get(paths.code("gone"));
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain("Link gone");
    expect((await t.client().post(paths.code("gone"), { name: "A", code: "x" })).statusCode).toBe(410);
    expect(calls).toEqual([]);
  });

  it("keeps no once-token, shows a throttle as 429 with Retry-After, and never echoes the code", async () => {
    const form = await t.client().get(paths.code("open"));
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('name="_once"');
    const refused = await t.client().post(paths.code("open"), { name: "Ann", code: "wrong-code" });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("300");
    expect(refused.body).toContain("Too many codes: wait 5 minutes");
    expect(refused.body).toContain('value="Ann"');
    expect(refused.body).not.toContain("wrong-code");
  });

  it("draws the page save returns instead of redirecting", async () => {
    const page = await t.client().post(paths.code("open"), { name: "Ann", code: "right" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Welcome Ann");
  });
});
