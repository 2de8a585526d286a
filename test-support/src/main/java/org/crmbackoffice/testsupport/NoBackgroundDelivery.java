package org.crmbackoffice.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Test contexts share one database and stay alive in the context cache, so a dispatcher
 * or message sender running in one would deliver what another test publishes. Unless a
 * test asks for one ({@code crm.hub.dispatcher=true} in its {@code @TestPropertySource},
 * with {@code @DirtiesContext} so it stops with the test class), none runs in the
 * background; partner messages are sent only at start-up and when a test says so.
 */
public class NoBackgroundDelivery implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("noBackgroundDelivery",
					Map.of("crm.hub.dispatcher", "false", "crm.interaction.partner-messages.send-interval", "PT24H")));
	}

}
