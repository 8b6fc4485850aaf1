import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const base = { SESSION_SECRET: "x".repeat(32), DATA_DIR: "./tmp/test-data", PUBLIC_URL: "https://hub.example.org/" };
const oidc = {
  OIDC_ISSUER: "https://login.example.org/tenant/v2.0",
  OIDC_CLIENT_ID: "client-1",
  OIDC_CLIENT_SECRET: "s3cret",
};

describe("single sign-on settings", () => {
  it("are off unless set, and take the documented defaults", () => {
    expect(loadConfig({ ...base }).oidc).toBeUndefined();
    expect(loadConfig({ ...base, ...oidc }).oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: "client-1",
      clientSecret: "s3cret",
      label: "Sign in with your organisation account",
      emailClaim: "email",
      redirectUri: "https://hub.example.org/sign-in/oidc/callback",
      allowHttp: false,
    });
    const entra = loadConfig({
      ...base,
      ...oidc,
      OIDC_LABEL: "Sign in with Northshire",
      OIDC_EMAIL_CLAIM: "preferred_username",
    });
    expect(entra.oidc).toMatchObject({ label: "Sign in with Northshire", emailClaim: "preferred_username" });
  });

  it("name each missing or bad setting", () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: required[\s\S]*OIDC_CLIENT_SECRET: required/,
    );
    expect(() => loadConfig({ ...base, OIDC_CLIENT_SECRET: "s" })).toThrow("OIDC_ISSUER: required");
    const { PUBLIC_URL: _, ...noPublicUrl } = base;
    expect(() => loadConfig({ ...noPublicUrl, ...oidc })).toThrow("PUBLIC_URL: required with OIDC_ISSUER");
    expect(() => loadConfig({ ...base, ...oidc, OIDC_ISSUER: "not a url" })).toThrow("OIDC_ISSUER:");
    expect(() => loadConfig({ ...base, ...oidc, OIDC_EMAIL_CLAIM: "email; drop" })).toThrow("OIDC_EMAIL_CLAIM:");
    expect(() => loadConfig({ ...base, ...oidc, OIDC_LABEL: "x".repeat(81) })).toThrow("OIDC_LABEL:");
  });

  it("allow a plain-http provider only in tests", () => {
    const http = { ...oidc, OIDC_ISSUER: "http://127.0.0.1:4000" };
    expect(() => loadConfig({ ...base, ...http })).toThrow("OIDC_ISSUER: must be an https:// address");
    expect(() => loadConfig({ ...base, ...http, NODE_ENV: "production" })).toThrow("OIDC_ISSUER: must be an https://");
    expect(loadConfig({ ...base, ...http, NODE_ENV: "test" }).oidc?.allowHttp).toBe(true);
  });
});
