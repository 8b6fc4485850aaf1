import { once } from "node:events";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (`oidc-provider`) on a free local port over http, for the
 * single sign-on tests. Signing in at it: the development login form takes any login, which
 * becomes the account id and (unless the test says otherwise) a verified email claim.
 *
 * `tamper` makes the token endpoint answer with an ID token changed after the provider made
 * it: re-signed with the provider's own key but another nonce, audience or expiry, or signed
 * with a key the provider never published. The client must refuse each.
 */
export type Tamper = "nonce" | "audience" | "expired" | "signature";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  tamper: Tamper | undefined;
  /** Claims per login, for logins that should not send a plain verified email. */
  claims: Map<string, Record<string, unknown>>;
  /** Follows the provider's login (and consent) pages as `login` and returns the callback URL. */
  signInAt(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const { privateKey: strangerKey } = await generateKeyPair("RS256");

  let handler: RequestListener | undefined;
  const server = createServer((request, response) => handler!(request, response));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientId = "cpah-test-client";
  const clientSecret = "cpah-test-client-secret-0123456789";
  const claims = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [signingJwk as never] },
    cookies: { keys: ["cpah-test-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The test's ID token carries the email (as Entra's does), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: true, ...claims.get(sub) }),
    }),
    // Consent is taken as given: the service is the organisation's own registered client.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    tamper: undefined,
    claims,
    signInAt: (url, login) => followLogin(url, login, redirectUri),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !state.tamper || !body?.id_token) return;
    const payload = decodeJwt(body.id_token);
    const now = Math.floor(Date.now() / 1000);
    if (state.tamper === "nonce") payload.nonce = "a-nonce-from-another-sign-in";
    if (state.tamper === "audience") payload.aud = "another-client";
    if (state.tamper === "expired") Object.assign(payload, { iat: now - 7200, exp: now - 3600 });
    const key = state.tamper === "signature" ? strangerKey : privateKey;
    body.id_token = await new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "test-key" }).sign(key);
  });
  handler = provider.callback();
  return state;
}

/** A browser at the provider: keeps its cookies, fills in its login and consent forms. */
async function followLogin(start: string, login: string, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  let url = new URL(start);
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: form,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get("location");
    const body = await response.text();
    form = undefined;
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(redirectUri)) return url;
      continue;
    }
    if (body.includes('name="prompt" value="login"'))
      form = new URLSearchParams({ prompt: "login", login, password: "x" });
    else if (body.includes('name="prompt" value="consent"')) form = new URLSearchParams({ prompt: "consent" });
    else throw new Error(`test provider: unexpected ${response.status} at ${url.pathname}: ${body.slice(0, 300)}`);
  }
  throw new Error("test provider: too many steps");
}
