import { path } from "../../kernel/http/paths.ts";

export const nationalPaths = {
  national: path("/national"),
  feedback: path("/partnerships/:id/feedback"),
};
