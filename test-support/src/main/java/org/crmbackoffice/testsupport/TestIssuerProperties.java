package org.crmbackoffice.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a Spring test context trust the {@link TestIssuer}, and obtain its own service
 * tokens from it.
 */
public class TestIssuerProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String issuer = TestIssuer.shared().issuerUri();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testIssuer", Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
					issuer, "spring.security.oauth2.client.provider.crm.token-uri", issuer + "/token")));
	}

}
