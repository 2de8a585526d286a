// Signs a report page in with client credentials and calls its service's API with the token. The token endpoint
// comes from the service's own OpenAPI document (the flow Swagger UI uses), so a page works behind any identity
// provider that allows it. A page where a person signs in (person-sign-in.js) hands its tokens over instead, with
// useTokens. Shared by the services' pages; each service opens this path in its rules.
'use strict';

const CrmApi = (() => {
  let token = null;
  // Asked before every call, so that a person's token is refreshed when it is about to expire.
  let tokens = async () => token;

  function useTokens(source) {
    tokens = source;
  }

  async function authorization() {
    return 'Bearer ' + await tokens();
  }

  async function tokenUrl() {
    const docs = await (await fetch('/v3/api-docs')).json();
    for (const scheme of Object.values(docs.components?.securitySchemes ?? {})) {
      const url = scheme.flows?.clientCredentials?.tokenUrl;
      if (url) {
        return url;
      }
    }
    throw new Error('The API documentation names no token endpoint.');
  }

  async function signIn(clientId, clientSecret) {
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
    } catch (unreachable) {
      throw new Error('The authorization server ' + new URL(url).origin + ' cannot be reached from this page: '
        + 'check that it runs and that it allows requests from ' + location.origin + '.');
    }
    if (response.status === 400 || response.status === 401) {
      throw new Error('Sign-in refused: the client id or the secret is wrong.');
    }
    if (!response.ok) {
      throw new Error('Sign-in failed: the authorization server answered ' + response.status + '.');
    }
    token = (await response.json()).access_token;
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
    const response = await fetch(path, { headers: { 'Authorization': await authorization() } });
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  // Sends a JSON body; headers may add e.g. X-Channel, which the track record keeps.
  async function post(path, body, headers = {}) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { ...headers, 'Authorization': await authorization(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  // Downloads with the signed-in token: a plain link would carry none and open a 401.
  async function download(path, filename) {
    const response = await fetch(path, { headers: { 'Authorization': await authorization() } });
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

  return { signIn, useTokens, get, post, download, stream, signedIn: () => token !== null };
})();
