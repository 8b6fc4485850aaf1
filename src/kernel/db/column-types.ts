import { customType } from "drizzle-orm/pg-core";

/** File contents live in the database so app nodes stay stateless. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});
