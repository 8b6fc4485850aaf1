import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);

export const offerPaths = {
  list: path("/hub/:nation/offers", { nation }),
  csv: path("/hub/:nation/offers.csv", { nation }),
  add: path("/hub/:nation/offers/new", { nation }),
  offer: path("/hub/:nation/offers/:offerId", { nation }),
  edit: path("/hub/:nation/offers/:offerId/edit", { nation }),
  remove: path("/hub/:nation/offers/:offerId/remove", { nation }),
  matrix: path("/hub/:nation/matrix", { nation }),
  matrixCsv: path("/hub/:nation/matrix.csv", { nation }),
};
