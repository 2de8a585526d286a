package org.crmbackoffice.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Swagger UI, the landing pages and the report pages in a real browser (the system's
 * headless Chromium), on the services as the local stack runs them, the way a person uses
 * them: from {@code localhost} and from {@code 127.0.0.1}, signing in with a demo client
 * or as a demo user at the authorization server's login page, and on a 390 px wide phone
 * screen. Screenshots of each page go to {@code target/browser-screenshots}. Run with
 * {@code -Pbrowser-tests}; the browser and its driver are found at the Debian packages'
 * paths unless {@code browser.binary} and {@code browser.driver} say otherwise.
 */
@Tag("browser")
class BrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	/**
	 * The demo interaction of the local stack with Alice Martin, the partner
	 * {@code partner}.
	 */
	private static final String ALICES_DEMO_INTERACTION = "5e1f0000-0000-4000-8000-000000000001";

	/** The demo customer Northwind Traders, the partner {@code partner-northwind}. */
	private static final String NORTHWIND = "0a1b2c3d-0000-4000-8000-000000000002";

	private static ServiceProcess authServer;

	private static ServiceProcess inventory;

	private static ServiceProcess interaction;

	private ChromeDriver browser;

	@BeforeAll
	static void startTheStackWithDataToChart() throws Exception {
		int authPort = StackParts.freePort();
		int inventoryPort = StackParts.freePort();
		int interactionPort = StackParts.freePort();
		authServer = ServiceProcess.start(LocalStack.AUTH_SERVER, StackParts.jarOf(LocalStack.AUTH_SERVER), authPort,
				LocalStack.authServerProperties(authPort, inventoryPort, interactionPort), (line) -> {
				});
		String issuer = authServer.baseUrl();
		List<String> inventoryProperties = new ArrayList<>(
				serviceProperties(TestPostgres.freshDatabase("inventory"), issuer));
		inventoryProperties.addAll(LocalStack.inventoryClientProperties("http://localhost:" + interactionPort, issuer));
		inventory = ServiceProcess.start(LocalStack.INVENTORY, StackParts.jarOf(LocalStack.INVENTORY), inventoryPort,
				inventoryProperties, (line) -> {
				});
		List<String> interactionProperties = new ArrayList<>(
				serviceProperties(TestPostgres.freshDatabase("interaction"), issuer));
		interactionProperties.addAll(LocalStack.interactionClientProperties(inventory.baseUrl(), issuer));
		interaction = ServiceProcess.start(LocalStack.INTERACTION, StackParts.jarOf(LocalStack.INTERACTION),
				interactionPort, interactionProperties, (line) -> {
				});
		for (ServiceProcess service : List.of(authServer, inventory, interaction)) {
			service.awaitHealthy(Duration.ofMinutes(3));
		}
		logAnInteractionAndAuditTheCustomers();
	}

	@AfterAll
	static void stopTheStack() {
		for (ServiceProcess service : new ServiceProcess[] { interaction, inventory, authServer }) {
			if (service != null) {
				service.stop(Duration.ofSeconds(30));
			}
		}
	}

	@BeforeEach
	void openTheBrowser() throws IOException {
		ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"))
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver")).toFile())
			.build();
		this.browser = new ChromeDriver(driver, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "127.0.0.1" })
	void swaggerUiSignsInWithClientCredentialsAndListsCustomers(String host) throws IOException {
		this.browser.get(inventory.baseUrl().replace("localhost", host) + "/swagger-ui.html");
		click(By.cssSelector("button.authorize"));
		type(By.cssSelector("input[data-name='clientId']"), "data-steward");
		type(By.cssSelector("input[data-name='clientSecret']"), "data-steward-secret");
		click(By.cssSelector(".auth-btn-wrapper button.authorize"));
		awaitVisible(By.cssSelector(".auth-btn-wrapper button.btn-done, .auth-btn-wrapper button.logout"));
		click(By.cssSelector(".auth-btn-wrapper .btn-done"));
		click(By.cssSelector("#operations-customer-listCustomer .opblock-summary"));
		click(By.cssSelector("#operations-customer-listCustomer button.try-out__btn"));
		click(By.cssSelector("#operations-customer-listCustomer button.execute"));
		WebElement status = awaitVisible(
				By.cssSelector("#operations-customer-listCustomer .live-responses-table tbody .response-col_status"));
		screenshot("swagger-ui-" + host);

		assertThat(status.getText()).startsWith("200");
		assertThat(errorsInConsole()).isEmpty();
	}

	@Test
	void anAgentSignsInToSwaggerUiAtTheLoginPageAndCallsTheApiAsAgent() throws IOException {
		this.browser.get(interaction.baseUrl() + "/swagger-ui.html");
		click(By.cssSelector("button.authorize"));
		String authorizationCode = "//div[contains(@class, 'auth-container')][.//h4[contains(., 'authorizationCode')]]";
		By scheme = By.xpath(authorizationCode);
		assertThat(
				awaitVisible(scheme).findElement(By.cssSelector("input[data-name='clientId']")).getDomProperty("value"))
			.as("the web client is preset")
			.isEqualTo("crm-web");
		String swaggerUi = this.browser.getWindowHandle();
		this.browser.findElement(scheme).findElement(By.cssSelector("button.authorize")).click();

		switchToTheOtherWindow(swaggerUi);
		awaitVisible(By.name("username"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(authServer.baseUrl() + "/login");
		screenshot("login-page");
		logIn("agent", "agent-secret");
		assertThat(awaitVisible(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("The user name or the password is wrong.");
		screenshot("login-page-wrong-password");
		logIn("agent", "agent-password");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((browser) -> browser.getWindowHandles().size() == 1);
		this.browser.switchTo().window(swaggerUi);
		awaitVisible(By.xpath(authorizationCode + "//button[normalize-space() = 'Logout']"));
		screenshot("swagger-ui-signed-in");
		click(By.cssSelector(".auth-btn-wrapper .btn-done"));
		click(By.cssSelector("#operations-partyInteraction-listPartyInteraction .opblock-summary"));
		click(By.cssSelector("#operations-partyInteraction-listPartyInteraction button.try-out__btn"));
		click(By.cssSelector("#operations-partyInteraction-listPartyInteraction button.execute"));
		WebElement status = awaitVisible(By.cssSelector(
				"#operations-partyInteraction-listPartyInteraction .live-responses-table tbody .response-col_status"));
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
		String curl = this.browser
			.findElement(By.cssSelector("#operations-partyInteraction-listPartyInteraction .curl-command"))
			.getText();
		screenshot("swagger-ui-signed-in-call");

		assertThat(status.getText()).startsWith("200");
		Matcher bearer = Pattern.compile("Authorization: Bearer ([\\w.-]+)").matcher(curl);
		assertThat(bearer.find()).as("Swagger UI sent the token it got").isTrue();
		Map<String, Object> claims = claimsOf(bearer.group(1));
		assertThat(claims).containsEntry("sub", "agent")
			.containsEntry("roles", List.of("agent"))
			.containsEntry("client_id", "crm-web");
		assertThat(errorsInConsole()).isEmpty();
	}

	@Test
	void landingPagesLinkSwaggerUiTheReportPagesHealthAndTheApiDocument() throws IOException {
		for (ServiceProcess service : List.of(interaction, inventory)) {
			this.browser.get(service.baseUrl() + "/");
			List<String> links = this.browser.findElements(By.cssSelector(".links a"))
				.stream()
				.map((link) -> link.getDomAttribute("href"))
				.toList();
			screenshot("landing-" + service.name());

			assertThat(links).contains("/swagger-ui.html", "/v3/api-docs", "/actuator/health")
				.containsAnyOf("/dashboard/", "/quality-report/");
		}
	}

	@Test
	void interactionDashboardSignsInAndChartsTheLoggedInteraction() throws IOException {
		this.browser.get(interaction.baseUrl() + "/dashboard/");
		signIn("supervisor");
		awaitVisible(By.cssSelector("#totals div"));
		screenshot("dashboard");

		assertThat(this.browser.findElement(By.id("per-week")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("per-week")).getDomAttribute("aria-label")).contains("interactions");
		assertThat(this.browser.findElement(By.id("range")).findElement(By.name("from")).getDomProperty("value"))
			.as("the default range is shown")
			.isNotEmpty();
		assertThat(errorsInConsole()).isEmpty();
		assertThat(fitsTheWidth(390)).as("no horizontal scrolling at 390 px").isTrue();
		screenshot("dashboard-390");
	}

	@Test
	void interactionDashboardSignsASupervisorInAtTheLoginPageAndRenewsTheToken() throws IOException {
		this.browser.get(interaction.baseUrl() + "/dashboard/");
		click(By.id("sign-in-person"));
		awaitVisible(By.name("username"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(authServer.baseUrl() + "/login");
		logIn("supervisor", "supervisor-password");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), "Signed in as supervisor"));
		awaitVisible(By.cssSelector("#totals div"));
		screenshot("dashboard-person");
		assertThat(this.browser.getCurrentUrl()).as("the code is gone from the address")
			.isEqualTo(interaction.baseUrl() + "/dashboard/");

		// The token expires: the service refuses the next call once, and the page renews
		// the token.
		((JavascriptExecutor) this.browser).executeScript("""
				const send = window.fetch;
				window.requests = [];
				let refused = false;
				window.fetch = (resource, options) => {
				  window.requests.push(String(resource));
				  if (!refused && String(resource).includes('/interaction/v1/analytics')) {
				    refused = true;
				    return Promise.resolve(new Response('{}', { status: 401 }));
				  }
				  return send(resource, options);
				};""");
		click(By.cssSelector("#range button"));
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((browser) -> ((List<?>) ((JavascriptExecutor) browser)
				.executeScript("return window.requests.filter((url) => url.includes('/oauth2/token'))")).size() == 1);
		awaitVisible(By.cssSelector("#totals div"));

		assertThat(this.browser.findElement(By.id("problem")).getText()).isEmpty();
		assertThat(errorsInConsole()).isEmpty();
	}

	@Test
	void liveInboxShowsAnInteractionLoggedAndChangedThroughTheApiAsItHappens() throws IOException {
		this.browser.get(interaction.baseUrl() + "/inbox/");
		signIn("agent");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Live"));
		awaitVisible(By.cssSelector("#inbox tbody tr"));

		RestTestClient api = RestTestClient.bindToServer().baseUrl(interaction.baseUrl()).build();
		String agent = StackParts.tokenOf(authServer, "agent");
		String logged = api.post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"direction":"inbound","reason":"moving house","description":"Wants the line moved on the 12th",
					 "relatedChannel":[{"role":"contact","channel":{"id":"chat"}}]}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		By row = By.cssSelector("#inbox tr[data-id='" + logged + "']");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(row, "Wants the line moved on the 12th"));

		api.patch()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction/" + logged)
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"status\": \"inProgress\"}")
			.exchange()
			.expectStatus()
			.isOk();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(row, "inProgress"));
		screenshot("inbox");

		assertThat(this.browser.findElements(By.cssSelector("#inbox tbody tr")))
			.as("the interaction logged before the page opened, and the new one")
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.browser.findElement(By.id("problem")).getText()).isEmpty();
		assertThat(errorsInConsole()).isEmpty();
		assertThat(fitsTheWidth(390)).as("no horizontal scrolling at 390 px").isTrue();
		screenshot("inbox-390");
	}

	@Test
	void aPartnerSignsInAtTheLoginPageSeesOnlyItsOwnInteractionsAndAsksSomethingNewOnTheWeb() throws IOException {
		String northwinds = logAsAgent("""
				{"direction":"inbound","reason":"router swap","description":"Northwind's office router",
				 "relatedChannel":[{"role":"contact","channel":{"id":"phone"}}],
				 "relatedParty":[{"role":"customer","partyOrPartyRole":
				   {"id":"%s","@referredType":"Customer"}}]}""".formatted(NORTHWIND));

		signInToThePartnerPage("partner");
		awaitVisible(By.cssSelector("#interactions li[data-id='" + ALICES_DEMO_INTERACTION + "']"));
		assertThat(this.browser.findElements(By.cssSelector("#interactions li[data-id='" + northwinds + "']")))
			.as("another partner's interaction is not listed")
			.isEmpty();
		screenshot("partner-signed-in");

		type(By.name("reason"), "fibre keeps dropping");
		type(By.name("description"), "Every evening around eight since Monday");
		click(By.cssSelector("#new-interaction button[type=submit]"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-notice"), "is logged as number"));
		WebElement asked = awaitVisible(
				By.xpath("//ul[@id='interactions']/li[.//summary[contains(., " + "'fibre keeps dropping')]]"));
		assertThat(asked.getText()).contains("opened", "webSelfService");
		asked.findElement(By.tagName("summary")).click();
		awaitTrackRecordSaying(asked, "Logged");
		assertThat(asked.findElement(By.cssSelector(".detail")).getText())
			.contains("Every evening around eight since Monday", "by partner via webSelfService");
		screenshot("partner-asked");
		assertThat(errorsInConsole()).isEmpty();

		type(By.name("interactionId"), northwinds);
		type(By.name("code"), "123456");
		click(By.cssSelector("#claim button[type=submit]"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-problem"), "not one of yours"));
		screenshot("partner-refused");
		assertThat(errorsInConsole()).as("the browser reports the refused request, and nothing else")
			.singleElement(STRING)
			.contains(northwinds, "404");
		assertThat(fitsTheWidth(390)).as("no horizontal scrolling at 390 px").isTrue();
		screenshot("partner-390");
	}

	@Test
	void aPartnerConfirmsWithAnAgentsCodeThatAnAnonymousCallWasItsOwnAndRatesItOnceCompleted() throws IOException {
		String call = logAsAgent("""
				{"direction":"inbound","reason":"lost phone","description":"Caller wants the SIM blocked",
				 "relatedChannel":[{"role":"contact","channel":{"id":"phone"}}]}""");
		String code = RestTestClient.bindToServer()
			.baseUrl(interaction.baseUrl())
			.build()
			.post()
			.uri("/interaction/v1/partyInteraction/" + call + "/authenticationCode")
			.headers((headers) -> headers.setBearerAuth(StackParts.tokenOf(authServer, "agent")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("code")
			.toString();

		signInToThePartnerPage("partner");
		type(By.name("interactionId"), call);
		type(By.name("code"), code);
		click(By.cssSelector("#claim button[type=submit]"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-notice"), "is now authenticated"));
		WebElement claimed = awaitVisible(By.cssSelector("#interactions li[data-id='" + call + "']"));
		assertThat(claimed.getText()).contains("lost phone", "authenticated");
		claimed.findElement(By.tagName("summary")).click();
		awaitTrackRecordSaying(claimed, "Confirmed it was you");
		screenshot("partner-confirmed");

		RestTestClient.bindToServer()
			.baseUrl(interaction.baseUrl())
			.build()
			.patch()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction/" + call)
			.headers((headers) -> headers.setBearerAuth(StackParts.tokenOf(authServer, "agent")))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"status\": \"completed\"}")
			.exchange()
			.expectStatus()
			.isOk();
		this.browser.navigate().refresh();
		WebElement completed = awaitVisible(By.cssSelector("#interactions li[data-id='" + call + "']"));
		assertThat(completed.getText()).as("still signed in after a reload").contains("completed");
		completed.findElement(By.tagName("summary")).click();
		click(By.cssSelector("#interactions li[data-id='" + call + "'] input[name=csat][value='4']"));
		click(By.cssSelector("#interactions li[data-id='" + call + "'] .rating button"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(
					By.cssSelector("#interactions li[data-id='" + call + "'] .rated"), "Your rating: 4 of 5"));
		awaitTrackRecordSaying(completed, "Rated");
		screenshot("partner-rated");

		assertThat(this.browser.findElement(By.id("problem")).getText()).isEmpty();
		assertThat(errorsInConsole()).isEmpty();
	}

	@Test
	void qualityReportSignsInChartsTheLatestRunAndShowsWrongSecretsPlainly() throws IOException {
		this.browser.get(inventory.baseUrl() + "/quality-report/");
		type(By.name("clientSecret"), "not-the-secret");
		click(By.cssSelector("#sign-in button"));
		WebElement problem = awaitVisible(By.id("problem"));
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((browser) -> !problem.getText().isEmpty());
		assertThat(problem.getText()).contains("client id or the secret is wrong");
		assertThat(errorsInConsole()).as("the browser reports the refused token request, and nothing else")
			.singleElement(STRING)
			.contains("/oauth2/token", "401");

		signIn("data-steward");
		awaitVisible(By.cssSelector("#totals div"));
		screenshot("quality-report");

		assertThat(this.browser.findElement(By.id("per-rule")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("problem")).getText()).isEmpty();
		assertThat(errorsInConsole()).isEmpty();
		assertThat(fitsTheWidth(390)).as("no horizontal scrolling at 390 px").isTrue();
		screenshot("quality-report-390");
	}

	private void signIn(String client) {
		WebElement secret = this.browser.findElement(By.name("clientSecret"));
		secret.clear();
		secret.sendKeys(client + "-secret");
		WebElement clientId = this.browser.findElement(By.name("clientId"));
		clientId.clear();
		clientId.sendKeys(client);
		click(By.cssSelector("#sign-in button"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), "Signed in as " + client));
	}

	/** Fills in and sends the development authorization server's login form. */
	private void logIn(String username, String password) {
		type(By.name("username"), username);
		type(By.name("password"), password);
		click(By.cssSelector("#login button[type=submit]"));
	}

	/** Follows the window a page opened, e.g. Swagger UI's sign-in. */
	private void switchToTheOtherWindow(String current) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((browser) -> browser.getWindowHandles().size() > 1);
		String other = this.browser.getWindowHandles()
			.stream()
			.filter((handle) -> !handle.equals(current))
			.findFirst()
			.orElseThrow();
		this.browser.switchTo().window(other);
	}

	/** The claims of a JWT, read without verifying it: the service did. */
	private static Map<String, Object> claimsOf(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readValue(payload, new TypeReference<Map<String, Object>>() {
		});
	}

	/**
	 * Opens the partner page, which sends the person to the authorization server's login
	 * page and back.
	 */
	private void signInToThePartnerPage(String user) {
		this.browser.get(interaction.baseUrl() + "/interaction/partner");
		click(By.id("sign-in"));
		awaitVisible(By.name("username"));
		assertThat(this.browser.getCurrentUrl()).startsWith(authServer.baseUrl() + "/login");
		logIn(user, user + "-password");
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), "Signed in as " + user));
		assertThat(this.browser.getCurrentUrl()).as("the code is out of the address bar")
			.isEqualTo(interaction.baseUrl() + "/interaction/partner");
	}

	/**
	 * Waits for an opened interaction's track record, which the page reads when it is
	 * opened, to show an entry.
	 */
	private void awaitTrackRecordSaying(WebElement interaction, String entry) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((browser) -> interaction.findElements(By.cssSelector(".track"))
				.stream()
				.anyMatch((track) -> track.getText().contains(entry)));
	}

	/** Logs an interaction as an agent does, through the API; answers its id. */
	private static String logAsAgent(String interactionJson) {
		return RestTestClient.bindToServer()
			.baseUrl(interaction.baseUrl())
			.build()
			.post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.headers((headers) -> headers.setBearerAuth(StackParts.tokenOf(authServer, "agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(interactionJson)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
	}

	/**
	 * Whether the page, once its charts have followed the new size, needs no horizontal
	 * scrolling.
	 */
	private boolean fitsTheWidth(int width) {
		this.browser.manage().window().setSize(new Dimension(width, 844));
		try {
			return new WebDriverWait(this.browser,
					Duration.ofSeconds(5))
				.until((browser) -> (Boolean) ((JavascriptExecutor) browser)
					.executeScript("return window.innerWidth <= arguments[0] "
							+ "&& document.documentElement.scrollWidth <= window.innerWidth", width));
		}
		catch (TimeoutException stillTooWide) {
			return false;
		}
	}

	/**
	 * The errors the page logged since the last call (reading the browser's log empties
	 * it).
	 */
	private List<String> errorsInConsole() {
		return this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	private void click(By element) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(element))
			.click();
	}

	private void type(By element, String text) {
		WebElement field = awaitVisible(element);
		field.clear();
		field.sendKeys(text);
	}

	private WebElement awaitVisible(By element) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	private void screenshot(String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * An interaction in the last 90 days for the dashboard, and a completed audit run for
	 * the quality report.
	 */
	private static void logAnInteractionAndAuditTheCustomers() throws InterruptedException {
		RestTestClient.bindToServer()
			.baseUrl(interaction.baseUrl())
			.build()
			.post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.headers((headers) -> headers.setBearerAuth(StackParts.tokenOf(authServer, "agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"direction":"inbound","reason":"billing enquiry",
					 "relatedChannel":[{"role":"contact","channel":{"id":"phone"}}]}""")
			.exchange()
			.expectStatus()
			.isCreated();
		RestTestClient quality = RestTestClient.bindToServer().baseUrl(inventory.baseUrl()).build();
		String steward = StackParts.tokenOf(authServer, "data-steward");
		Map<String, Object> run = quality.post()
			.uri("/inventory/v1/quality/run")
			.headers((headers) -> headers.setBearerAuth(steward))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		for (int attempt = 0; attempt < 120 && !"completed".equals(run.get("status")); attempt++) {
			Thread.sleep(500);
			run = quality.get()
				.uri("/inventory/v1/quality/run/" + run.get("id"))
				.headers((headers) -> headers.setBearerAuth(steward))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
		}
		assertThat(run.get("status")).as("the audit run the quality report charts").isEqualTo("completed");
	}

	private static List<String> serviceProperties(TestDatabase database, String issuer) {
		return StackParts.serviceProperties(database.jdbcUrl(), database.username(), database.password(), issuer);
	}

}
