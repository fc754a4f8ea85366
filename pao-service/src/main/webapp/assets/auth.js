// Who is signed in: a bearer token kept for this browser tab (sessionStorage), from the development
// endpoint or from the organisation's OpenID Connect provider (authorization code flow with PKCE).
const TOKEN = "pao.token";
const RETURN = "pao.return";
const PKCE = "pao.pkce";

let identity = null;

export function currentToken() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  const claims = decode(token);
  if (claims && claims.exp && claims.exp * 1000 < Date.now()) {
    tokenExpired();
    return null;
  }
  return token;
}

function decode(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(part));
  } catch {
    return null;
  }
}

export function signIn(token) {
  sessionStorage.setItem(TOKEN, token);
  identity = null;
}

/** The token is no longer accepted: back to sign-in, then to where the user was (form drafts stay). */
export function tokenExpired() {
  sessionStorage.removeItem(TOKEN);
  identity = null;
  const here = location.hash || "#/";
  if (!here.startsWith("#/sign-in")) {
    sessionStorage.setItem(RETURN, here);
    location.hash = "#/sign-in?expired=1";
  }
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(RETURN);
  identity = null;
  location.hash = "#/sign-in";
}

/** Where to go after signing in. */
export function returnRoute() {
  const route = sessionStorage.getItem(RETURN) || "#/";
  sessionStorage.removeItem(RETURN);
  return route;
}

export function rememberReturn(route) {
  if (route && !route.startsWith("#/sign-in")) sessionStorage.setItem(RETURN, route);
}

export async function me(api) {
  if (!identity) identity = (await api("/me")).data;
  return identity;
}

export function hasRole(who, role) {
  return !!who && (who.roles || []).includes(role);
}

// --- OpenID Connect, authorization code with PKCE ---------------------------------------------

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discovery(issuer) {
  const response = await fetch(issuer.replace(/\/$/, "") + "/.well-known/openid-configuration");
  if (!response.ok) throw new Error(`The identity provider's discovery document answered ${response.status}`);
  return response.json();
}

function redirectUri() {
  return location.origin + location.pathname;
}

export async function startOidc(oidc) {
  const provider = await discovery(oidc.issuer);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, tokenEndpoint: provider.token_endpoint }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: oidc.client_id,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

/** Completes a sign-in when the provider sent the browser back with ?code=...&state=... */
export async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has("code") && !params.has("error")) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || "null");
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, "", location.pathname + location.hash);
  if (params.has("error")) throw new Error("The identity provider refused the sign-in: " + params.get("error"));
  if (!pending || pending.state !== params.get("state")) throw new Error("The sign-in answer did not match the sign-in that was started; please sign in again.");
  const response = await fetch(pending.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: params.get("code"),
      redirect_uri: redirectUri(),
      client_id: oidc.client_id,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`The identity provider's token endpoint answered ${response.status}`);
  const tokens = await response.json();
  signIn(tokens.access_token);
  return true;
}
