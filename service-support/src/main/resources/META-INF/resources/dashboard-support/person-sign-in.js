// Signs a person in from a page of the services at the identity provider's login page: the OAuth 2.0 authorization
// code flow with PKCE (RFC 7636, S256) as a public client, which has no secret since a page cannot keep one. The
// page's own address is the redirect URI, so the identity provider must list it for the client. The endpoints and
// the client's id come from the service's OpenAPI document, as Swagger UI finds them. Tokens stay in this tab's session storage: a
// reload keeps the person signed in, another tab or a closed browser does not.
'use strict';

const CrmSignIn = (() => {
  const STORED = 'crm-sign-in';
  const PENDING = 'crm-sign-in-pending';
  // A token this close to its end is renewed first, so that it does not expire on the way to the service.
  const MARGIN_MILLIS = 30_000;

  const redirectUri = () => location.origin + location.pathname;

  function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  const randomText = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

  async function endpoints() {
    const docs = await (await fetch('/v3/api-docs')).json();
    for (const scheme of Object.values(docs.components?.securitySchemes ?? {})) {
      const flow = scheme.flows?.authorizationCode;
      if (flow?.authorizationUrl && flow.tokenUrl && flow['x-client-id']) {
        return { authorizationUrl: flow.authorizationUrl, tokenUrl: flow.tokenUrl, clientId: flow['x-client-id'] };
      }
    }
    throw new Error('This service names no login page to sign in at: its API documentation lists no '
      + 'authorization code flow with a client id.');
  }

  async function tokenRequest({ tokenUrl, clientId }, parameters) {
    let response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...parameters, client_id: clientId }),
      });
    } catch (unreachable) {
      throw new Error('The authorization server ' + new URL(tokenUrl).origin + ' cannot be reached from this page: '
        + 'check that it runs and that it allows requests from ' + location.origin + '.');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error('Sign-in failed: ' + (body.error_description ?? body.error ?? ('HTTP ' + response.status))
        + '. Sign in again.');
    }
    return body;
  }

  function keep(tokens, flow) {
    const previous = stored();
    sessionStorage.setItem(STORED, JSON.stringify({
      flow,
      accessToken: tokens.access_token,
      expiresAt: Date.now() + 1000 * (tokens.expires_in ?? 300),
      // A refreshed sign-in may come without a new ID token or refresh token; the earlier ones then still hold.
      refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
      idToken: tokens.id_token ?? previous?.idToken ?? null,
    }));
  }

  function stored() {
    return JSON.parse(sessionStorage.getItem(STORED) ?? 'null');
  }

  // Sends the person to the login page; it comes back to this page with a code, which finishSignIn exchanges.
  async function signIn() {
    if (!crypto.subtle) {
      throw new Error('Signing in needs a secure page: open it over https, or at localhost.');
    }
    const { authorizationUrl, clientId } = await endpoints();
    const verifier = randomText();
    const state = randomText();
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
    const url = new URL(authorizationUrl);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope: 'openid profile',
      state, code_challenge: challenge, code_challenge_method: 'S256',
    }).toString();
    location.assign(url.toString());
  }

  // On the way back from the login page: exchanges the code for tokens and takes it out of the address bar, so that
  // a reload or a bookmark does not offer it again. Answers whether a sign-in finished.
  async function finishSignIn() {
    const answer = new URLSearchParams(location.search);
    if (!answer.has('code') && !answer.has('error')) {
      return false;
    }
    history.replaceState(null, '', location.pathname + location.hash);
    const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
    sessionStorage.removeItem(PENDING);
    if (answer.has('error')) {
      throw new Error('Sign-in refused: ' + (answer.get('error_description') ?? answer.get('error')) + '.');
    }
    if (!pending || pending.state !== answer.get('state')) {
      throw new Error('This sign-in was not started from this page, or has been used already: sign in again.');
    }
    const flow = await endpoints();
    keep(await tokenRequest(flow, {
      grant_type: 'authorization_code', code: answer.get('code'), redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }), flow);
    return true;
  }

  // The access token to call the services with, renewed with the refresh token when it is about to expire.
  async function accessToken() {
    const current = stored();
    if (!current) {
      throw new Error('Not signed in: sign in first.');
    }
    if (Date.now() < current.expiresAt - MARGIN_MILLIS) {
      return current.accessToken;
    }
    if (!current.refreshToken) {
      forget();
      throw new Error('The sign-in has expired: sign in again.');
    }
    try {
      keep(await tokenRequest(current.flow,
        { grant_type: 'refresh_token', refresh_token: current.refreshToken }), current.flow);
    } catch (refused) {
      forget();
      throw new Error('The sign-in has expired: sign in again.');
    }
    return stored().accessToken;
  }

  // What the access token says of the person: its subject, roles and, for a business partner, its party.
  function person() {
    const current = stored();
    if (!current) {
      return null;
    }
    const payload = current.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    return { subject: claims.sub, roles: claims.roles ?? [], partyId: claims.party_id ?? null };
  }

  function forget() {
    sessionStorage.removeItem(STORED);
  }

  // Forgets the tokens here and ends the session at the identity provider too (OpenID Connect RP-initiated logout),
  // which comes back to this page; without that, the next sign-in would pass the login page unasked.
  async function signOut() {
    const current = stored();
    forget();
    if (!current?.idToken) {
      return;
    }
    // Asked at the address this page reaches the identity provider by, which the provider's configuration may name
    // differently (docker compose: the services' name for it).
    const configuration = await fetch(new URL('/.well-known/openid-configuration', current.flow.tokenUrl))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}));
    if (!configuration.end_session_endpoint) {
      return;
    }
    const url = new URL(new URL(configuration.end_session_endpoint).pathname, current.flow.tokenUrl);
    url.search = new URLSearchParams({
      client_id: current.flow.clientId, id_token_hint: current.idToken, post_logout_redirect_uri: redirectUri(),
    }).toString();
    location.assign(url.toString());
  }

  return { signIn, finishSignIn, accessToken, person, signOut, signedIn: () => stored() !== null };
})();
