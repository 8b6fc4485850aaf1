import { describe, expect, it } from "vitest";
import { hashPassword, passwordHashOptions, verifyPassword } from "./passwords.ts";

describe("password hashing parameters", () => {
  it("uses argon2's strong defaults unless both NODE_ENV=test and PASSWORD_HASH_COST=test", () => {
    expect(passwordHashOptions({ NODE_ENV: "production", PASSWORD_HASH_COST: "test" })).not.toHaveProperty(
      "memoryCost",
    );
    expect(passwordHashOptions({ NODE_ENV: "development", PASSWORD_HASH_COST: "test" })).not.toHaveProperty(
      "memoryCost",
    );
    expect(passwordHashOptions({ PASSWORD_HASH_COST: "test" })).not.toHaveProperty("memoryCost");
    expect(passwordHashOptions({ NODE_ENV: "test" })).not.toHaveProperty("memoryCost");
    expect(passwordHashOptions({ NODE_ENV: "test", PASSWORD_HASH_COST: "test" })).toMatchObject({
      memoryCost: 1024,
      timeCost: 1,
    });
  });

  it("verifies what it hashed and refuses another password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse battery staple")).toBe(false);
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });
});
