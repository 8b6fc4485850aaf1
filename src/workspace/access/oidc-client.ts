import * as client from "openid-client";
import type { OidcConfig } from "../../kernel/config/config.ts";

/**
 * The OpenID Connect protocol, by `openid-client`: discovery, the authorization request (code
 * flow with PKCE S256, state and nonce) and the callback. Only the provider's metadata is kept
 * in memory (it is the same on every node); a started sign-in lives in the database.
 */

const configurations = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** Discovery once per process; a failure is not kept, so the next sign-in tries again. */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let found = configurations.get(oidc);
  if (!found) {
    found = discover(oidc);
    configurations.set(oidc, found);
    found.catch(() => configurations.delete(oidc));
  }
  return found;
}

async function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const configuration = await client.discovery(
    new URL(oidc.issuer),
    oidc.clientId,
    { client_secret: oidc.clientSecret },
    undefined,
    // Plain http is allowed only in tests (config.ts refuses it elsewhere).
    oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  // Without this the ID token's signature is not checked when it comes straight from the token
  // endpoint (OIDC Core 3.1.3.7); we check it anyway, against the provider's published keys.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(oidc: OidcConfig): Promise<AuthorizationRequest> {
  const configuration = await providerConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and returns the ID token's claims once the library has checked the
 * response's state, the token's signature, issuer, audience, expiry and nonce, and PKCE.
 * `search` is the callback's query string as the browser sent it.
 */
export async function callbackClaims(
  oidc: OidcConfig,
  search: string,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const configuration = await providerConfiguration(oidc);
  const currentUrl = new URL(oidc.redirectUri);
  currentUrl.search = search;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new client.ClientError("the provider sent no ID token");
  return claims as Record<string, unknown>;
}

/** Why the protocol failed, for the audit log: the provider refused, or its answer did not check out. */
export function protocolFailure(error: unknown): { kind: "refused" | "unavailable"; code: string } {
  if (error instanceof client.AuthorizationResponseError) return { kind: "refused", code: `provider:${error.error}` };
  if (error instanceof client.ResponseBodyError) return { kind: "refused", code: `token_endpoint:${error.error}` };
  if (error instanceof client.ClientError) {
    // Network failures reach us wrapped; everything else is a check that failed.
    const network = error.cause instanceof TypeError || error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM";
    // openid-client words its own messages generally; the check that failed is in the cause.
    const message = error.cause instanceof Error ? error.cause.message : error.message;
    return { kind: network ? "unavailable" : "refused", code: `${error.code ?? "OAUTH_CHECK_FAILED"}: ${message}` };
  }
  return { kind: "unavailable", code: error instanceof Error ? error.name : "unknown" };
}
