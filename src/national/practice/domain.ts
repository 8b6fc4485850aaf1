import type { Domain } from "../../kernel/domains/descriptor.ts";
import { actionMentions } from "../../cycle/actions/index.ts";
import { evidenceLevelSource } from "../../cycle/prioritisation/index.ts";
import { registerActionPracticeRoutes } from "./action-practice-routes.ts";
import { registerLibraryRoutes } from "./library-routes.ts";
import { practiceMentions } from "./mentions.ts";
import { evidenceLevels } from "./vocabulary.ts";

/** The effective practice library: entries, search, case studies from partnerships, and actions citing entries. */
export const practiceDomain: Domain = {
  name: "national/practice",
  routes: (app, context) => {
    registerLibraryRoutes(app, context);
    registerActionPracticeRoutes(app, context);
  },
  navigation: [{ text: "Effective practice", href: "/practice", order: 34, show: () => true }],
  provides: [actionMentions.provide(practiceMentions), evidenceLevelSource.provide(evidenceLevels)],
};
