// Signs a report page in with client credentials and calls its service's API with the token. The token endpoint
// comes from the service's own OpenAPI document (the flow Swagger UI uses), so a page works behind any identity
// provider that allows it. Shared by the services' report pages; each service opens this path in its rules.
'use strict';

const CrmApi = (() => {
  let token = null;

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
    const response = await fetch(await tokenUrl(), {
      method: 'POST',
      headers: {
        'Authorization': 'Basic ' + btoa(clientId + ':' + clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    if (!response.ok) {
      throw new Error('Sign-in refused (' + response.status + ').');
    }
    token = (await response.json()).access_token;
  }

  async function get(path) {
    const response = await fetch(path, { headers: { 'Authorization': 'Bearer ' + token } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.detail ?? body.title ?? ('HTTP ' + response.status));
    }
    return body;
  }

  return { signIn, get };
})();
