// Signs a page in, with client credentials or as a person at the identity provider's login page (authorization
// code with PKCE), and calls its service's API with the token. The token endpoint, the authorization endpoint and
// the public client's id come from the service's own OpenAPI document (the flows Swagger UI uses), so a page works
// behind any identity provider that allows them. A page that keeps a person's tokens itself (person-sign-in.js)
// hands them over instead, with useTokens. Shared by the services' pages; each service opens this path in its
// rules.
'use strict';

const CrmApi = (() => {
  const PENDING_SIGN_IN = 'crm-api.pending-sign-in';

  let token = null;
  // A person's sign-in: the refresh token, used once, and the flow to use it with.
  let refreshToken = null;
  let personFlow = null;
  // Asked before every call, so that a page that keeps its own tokens can refresh one about to expire.
  let tokens = async () => token;

  function useTokens(source) {
    tokens = source;
  }

  async function authorization() {
    return 'Bearer ' + await tokens();
  }

  async function securitySchemes() {
    const docs = await (await fetch('/v3/api-docs')).json();
    return Object.values(docs.components?.securitySchemes ?? {});
  }

  async function tokenUrl() {
    for (const scheme of await securitySchemes()) {
      const url = scheme.flows?.clientCredentials?.tokenUrl;
      if (url) {
        return url;
      }
    }
    throw new Error('The API documentation names no token endpoint.');
  }

  // The issuer's authorization code flow and the public client to use it with, or null where there is none.
  async function authorizationCodeFlow() {
    for (const scheme of await securitySchemes()) {
      const flow = scheme.flows?.authorizationCode;
      if (flow?.authorizationUrl && flow.tokenUrl && flow['x-client-id']) {
        return { authorizationUrl: flow.authorizationUrl, tokenUrl: flow.tokenUrl, clientId: flow['x-client-id'] };
      }
    }
    return null;
  }

  function unreachable(url) {
    return new Error('The authorization server ' + new URL(url).origin + ' cannot be reached from this page: '
      + 'check that it runs and that it allows requests from ' + location.origin + '.');
  }

  async function signIn(clientId, clientSecret) {
    refreshToken = null;
    personFlow = null;
    const url = await tokenUrl();
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Authorization': 'Basic ' + btoa(clientId + ':' + clientSecret),
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
    } catch (failed) {
      throw unreachable(url);
    }
    if (response.status === 400 || response.status === 401) {
      throw new Error('Sign-in refused: the client id or the secret is wrong.');
    }
    if (!response.ok) {
      throw new Error('Sign-in failed: the authorization server answered ' + response.status + '.');
    }
    token = (await response.json()).access_token;
  }

  const pageAddress = () => location.origin + location.pathname;
  const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const randomValue = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

  // Sends the person to the identity provider's login page, which sends them back to this page with a code.
  async function signInAsPerson() {
    const flow = await authorizationCodeFlow();
    if (flow === null) {
      throw new Error('The API documentation names no sign-in for people.');
    }
    const pending = { verifier: randomValue(), state: randomValue() };
    sessionStorage.setItem(PENDING_SIGN_IN, JSON.stringify(pending));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)));
    const url = new URL(flow.authorizationUrl);
    const parameters = { response_type: 'code', client_id: flow.clientId, redirect_uri: pageAddress(),
      scope: 'openid', state: pending.state, code_challenge: challenge, code_challenge_method: 'S256' };
    for (const [name, value] of Object.entries(parameters)) {
      url.searchParams.set(name, value);
    }
    location.assign(url.toString());
  }

  async function personTokens(flow, parameters) {
    let response;
    try {
      response = await fetch(flow.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: flow.clientId, ...parameters }),
      });
    } catch (failed) {
      throw unreachable(flow.tokenUrl);
    }
    if (!response.ok) {
      throw new Error('Sign-in failed: the authorization server answered ' + response.status + '; sign in again.');
    }
    const tokens = await response.json();
    token = tokens.access_token;
    refreshToken = tokens.refresh_token ?? null;
    personFlow = flow;
  }

  // Back from the login page: trades the code for tokens and answers who signed in; null when the page was not
  // opened by a sign-in.
  async function completePersonSignIn() {
    const query = new URLSearchParams(location.search);
    if (!query.has('code') && !query.has('error')) {
      return null;
    }
    const pending = JSON.parse(sessionStorage.getItem(PENDING_SIGN_IN) ?? 'null');
    sessionStorage.removeItem(PENDING_SIGN_IN);
    history.replaceState(null, '', pageAddress());
    if (query.has('error')) {
      throw new Error('Sign-in refused: ' + (query.get('error_description') ?? query.get('error')) + '.');
    }
    if (pending === null || query.get('state') !== pending.state) {
      throw new Error('Sign-in refused: this page did not ask for it; sign in again.');
    }
    await personTokens(await authorizationCodeFlow(), { grant_type: 'authorization_code', code: query.get('code'),
      redirect_uri: pageAddress(), code_verifier: pending.verifier });
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return claims.preferred_username ?? claims.sub;
  }

  // Adds "Sign in as a person" to a page's sign-in form where the API document offers it, and finishes the sign-in
  // the page was opened with, if any: then onSignedIn receives who signed in. Problems go to onProblem.
  async function offerPersonSignIn(form, onSignedIn, onProblem) {
    try {
      if (await authorizationCodeFlow() === null) {
        return;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'sign-in-person';
      button.textContent = 'Sign in as a person';
      button.addEventListener('click', () => signInAsPerson().catch(onProblem));
      form.querySelector('button[type=submit]').after(button);
      const person = await completePersonSignIn();
      if (person !== null) {
        await onSignedIn(person);
      }
    } catch (problem) {
      onProblem(problem);
    }
  }

  // A person's token expires: their refresh token, used once, gets a new one without the login page.
  async function renewed() {
    if (refreshToken === null || personFlow === null) {
      return false;
    }
    const used = refreshToken;
    refreshToken = null;
    try {
      await personTokens(personFlow, { grant_type: 'refresh_token', refresh_token: used });
      return true;
    } catch (failed) {
      return false;
    }
  }

  // Sends a request with the token; a person's expired token is renewed once and the request sent again.
  async function authorized(path, init = {}) {
    const send = async () => fetch(path,
      { ...init, headers: { ...init.headers, 'Authorization': await authorization() } });
    const response = await send();
    return (response.status === 401 && await renewed()) ? send() : response;
  }

  // A problem response becomes an error whose message says what to change, field by field; its status and problem
  // stay with it, for a page that says more about some refusals.
  async function failure(response) {
    const body = await response.json().catch(() => ({}));
    const fields = (body.errors ?? []).map((error) => error.pointer + ': ' + error.detail);
    const error = new Error(response.status === 401 ? 'Not signed in, or the sign-in has expired: sign in again.'
      : [body.detail ?? body.title ?? ('HTTP ' + response.status), ...fields].join(' — '));
    error.status = response.status;
    error.problem = body;
    return error;
  }

  async function get(path) {
    const response = await authorized(path);
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  // Sends a JSON body; headers may add e.g. X-Channel, which the track record keeps.
  async function post(path, body, headers = {}) {
    const response = await authorized(path, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  // Downloads with the signed-in token: a plain link would carry none and open a 401.
  async function download(path, filename) {
    const response = await authorized(path);
    if (!response.ok) {
      throw await failure(response);
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = filename;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  const pause = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

  // One Server-Sent Event block: its id, its name and its data lines (comments and retry are not needed here).
  function parseEvent(block) {
    const event = { id: null, name: 'message', data: [] };
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) {
        continue;
      }
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') {
        event.id = value;
      } else if (field === 'event') {
        event.name = value;
      } else if (field === 'data') {
        event.data.push(value);
      }
    }
    return event;
  }

  // Keeps a live event stream open with the signed-in token: EventSource cannot send one. Reconnects with
  // Last-Event-ID after the stream ends, so nothing is missed; stops on a refusal that waiting cannot mend.
  // onState receives 'connected', 'waiting' (with the reason) or 'stopped' (with the error).
  async function stream(path, onEvent, onState) {
    let lastEventId = null;
    for (;;) {
      let wait = 2000;
      try {
        const headers = { 'Authorization': await authorization(), 'Accept': 'text/event-stream' };
        if (lastEventId !== null) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(path, { headers, cache: 'no-store' });
        if (response.status === 401 && await renewed()) {
          continue;
        }
        if (!response.ok) {
          const error = await failure(response);
          if (response.status !== 429 && response.status !== 503) {
            onState('stopped', error);
            return;
          }
          wait = 1000 * Number(response.headers.get('Retry-After') ?? 2);
          throw error;
        }
        onState('connected');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          buffer = (buffer + read.value).replace(/\r\n?/g, '\n');
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = parseEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event.id !== null) {
              lastEventId = event.id;
            }
            if (event.data.length > 0) {
              onEvent(event.name, event.data.join('\n'));
            }
          }
        }
        onState('waiting', new Error('The stream ended; reconnecting.'));
      } catch (error) {
        onState('waiting', error);
      }
      await pause(wait);
    }
  }

  return {
    signIn, signInAsPerson, offerPersonSignIn, useTokens, get, post, download, stream, signedIn: () => token !== null,
  };
})();
