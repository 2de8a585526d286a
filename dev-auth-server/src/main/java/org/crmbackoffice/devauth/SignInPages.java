package org.crmbackoffice.devauth;

import java.security.Principal;
import java.util.stream.Collectors;

import org.crmbackoffice.devauth.DemoClients.DemoUser;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The pages a person sees at this server: the login page (with the demo users, since they
 * are no secret here), signing out, and a start page that says who is signed in. Plain
 * HTML with its style inline, so the server needs no template engine.
 */
@Controller
class SignInPages {

	private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	private final DemoClients demo;

	SignInPages(DemoClients demo) {
		this.demo = demo;
	}

	@GetMapping(path = AuthorizationServerSetup.LOGIN_PAGE, produces = HTML)
	@ResponseBody
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			CsrfToken csrf) {
		String notice = "";
		if (error != null) {
			notice = "<p class=\"notice problem\" role=\"alert\">The user name or the password is wrong.</p>";
		}
		else if (logout != null) {
			notice = "<p class=\"notice\" role=\"status\">You have signed out.</p>";
		}
		return page("Sign in",
				"""
						<h1>Sign in</h1>
						%s
						<form method="post" action="%s" id="login">
						  <label>User name <input name="username" autocomplete="username" autocapitalize="none"
						    spellcheck="false" required autofocus></label>
						  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
						  %s
						  <button type="submit">Sign in</button>
						</form>
						%s"""
					.formatted(notice, AuthorizationServerSetup.LOGIN_PAGE, hidden(csrf), demoUsers(true)));
	}

	@GetMapping(path = "/logout", produces = HTML)
	@ResponseBody
	String logout(Principal principal, CsrfToken csrf) {
		if (principal == null) {
			return page("Sign out", """
					<h1>Sign out</h1>
					<p class="notice" role="status">Nobody is signed in here.</p>
					<p><a href="%s">Sign in</a></p>""".formatted(AuthorizationServerSetup.LOGIN_PAGE));
		}
		return page("Sign out", """
				<h1>Sign out</h1>
				<p>Signed in as <strong>%s</strong>. Signing out ends the session here: the next page that asks
				  for a sign-in shows the login page again. Tokens already issued stay valid until they expire.</p>
				<form method="post" action="/logout" id="sign-out">
				  %s
				  <button type="submit">Sign out</button>
				</form>""".formatted(htmlEscape(principal.getName()), hidden(csrf)));
	}

	@GetMapping(path = "/", produces = HTML)
	@ResponseBody
	String start(Principal principal) {
		String status = (principal != null)
				? "<p role=\"status\">Signed in as <strong>" + htmlEscape(principal.getName())
						+ "</strong>. <a href=\"/logout\">Sign out</a></p>"
				: "<p role=\"status\">Nobody is signed in here. <a href=\"" + AuthorizationServerSetup.LOGIN_PAGE
						+ "\">Sign in</a></p>";
		return page("Tokens for the local stack", """
				<h1>Tokens for the local stack</h1>
				%s
				<p>It issues the tokens of the local stack: to the demo clients by client credentials, and to
				  people who sign in through the services' pages (client <code>%s</code>, authorization code with
				  PKCE). Its OpenID Connect configuration is at
				  <a href="/.well-known/openid-configuration">/.well-known/openid-configuration</a>.</p>
				%s""".formatted(status, htmlEscape(this.demo.webClient().id()), demoUsers(false)));
	}

	private String demoUsers(boolean open) {
		if (this.demo.users().isEmpty()) {
			return "";
		}
		String rows = this.demo.users().stream().map(SignInPages::row).collect(Collectors.joining("\n"));
		return """
				<details id="demo-users"%s>
				  <summary>Demo users</summary>
				  <p>Each password is the user name followed by <code>-password</code>, for example
				    <code>agent-password</code>. Partners see only their own party's records.</p>
				  <table>
				    <thead><tr><th>User</th><th>Roles</th></tr></thead>
				    <tbody>
				%s
				    </tbody>
				  </table>
				</details>""".formatted(open ? " open" : "", rows);
	}

	private static String row(DemoUser user) {
		String party = (user.partyId() != null)
				? "<br><small>party <code class=\"id\">" + htmlEscape(user.partyId()) + "</code></small>" : "";
		return "<tr><td><code>" + htmlEscape(user.username()) + "</code></td><td>"
				+ htmlEscape(String.join(", ", user.roles())) + party + "</td></tr>";
	}

	private static String hidden(CsrfToken csrf) {
		return (csrf != null) ? "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName()) + "\" value=\""
				+ htmlEscape(csrf.getToken()) + "\">" : "";
	}

	private static String page(String title, String content) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>%s · CRM back office</title>
				  <link rel="icon" href="data:,">
				  <style>
				    body { font-family: system-ui, sans-serif; margin: 0; min-height: 100vh; color: #1d2433;
				      background: linear-gradient(160deg, #1d2433 0%%, #2f4a7a 100%%); display: flex;
				      align-items: flex-start; justify-content: center; }
				    main { background: #fff; border-radius: 10px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.25);
				      margin: 3rem 1rem; padding: 1.5rem 1.75rem 1.25rem; width: 100%%; max-width: 28rem;
				      box-sizing: border-box; }
				    .brand { margin: 0; font-weight: 700; letter-spacing: 0.02em; color: #2f4a7a; }
				    .brand span { display: block; font-weight: 400; font-size: 0.85rem; color: #4a5568; }
				    h1 { font-size: 1.4rem; margin: 1.1rem 0 0.8rem; }
				    form { display: flex; flex-direction: column; gap: 0.8rem; }
				    label { display: flex; flex-direction: column; gap: 0.25rem; font-size: 0.9rem; }
				    input { font: inherit; padding: 0.5rem 0.6rem; border: 1px solid #cbd2dc; border-radius: 6px; }
				    input:focus { outline: 2px solid #2f6fd6; outline-offset: 1px; border-color: #2f6fd6; }
				    button { font: inherit; font-weight: 600; padding: 0.55rem; border: 0; border-radius: 6px;
				      background: #2f6fd6; color: #fff; cursor: pointer; }
				    button:hover { background: #2459b0; }
				    .notice { background: #eef3fb; border-radius: 6px; padding: 0.5rem 0.7rem; }
				    .problem { background: #fdecee; color: #b00020; }
				    details { margin-top: 1.2rem; font-size: 0.9rem; }
				    summary { cursor: pointer; color: #2f4a7a; font-weight: 600; }
				    table { border-collapse: collapse; width: 100%%; margin-top: 0.4rem; }
				    th, td { text-align: left; padding: 0.3rem 0.4rem; border-bottom: 1px solid #e2e8f0;
				      vertical-align: top; }
				    td code, p code { white-space: nowrap; }
				    td small { color: #4a5568; }
				    td code.id { font-size: 0.75rem; white-space: normal; word-break: break-all; }
				    footer { margin-top: 1.2rem; font-size: 0.8rem; color: #4a5568; }
				    a { color: #2f6fd6; }
				  </style>
				</head>
				<body>
				<main>
				  <p class="brand">CRM back office<span>Development authorization server</span></p>
				%s
				  <footer>For development and demonstrations only: never use these users or this server in
				    production.</footer>
				</main>
				</body>
				</html>
				""".formatted(htmlEscape(title), content);
	}

}
