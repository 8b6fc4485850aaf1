import type { LightMyRequestResponse } from "fastify";
import type { TestClient } from "./test-app.ts";

/** Posts the partnership's data import form (a kind and other fields, and a CSV file if given). */
export function uploadForImport(
  client: TestClient,
  partnershipId: string,
  fields: Record<string, string>,
  file?: { name: string; content: string | Buffer },
): Promise<LightMyRequestResponse> {
  return client.postMultipart(
    `/partnerships/${partnershipId}/data/import`,
    file && { ...file, type: "text/csv" },
    fields,
  );
}
