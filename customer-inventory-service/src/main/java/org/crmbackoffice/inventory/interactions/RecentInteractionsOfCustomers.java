package org.crmbackoffice.inventory.interactions;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.crmbackoffice.model.customer.RecentInteractions;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Fetches a customer's latest interactions from the interaction service for the 360 view.
 * The customer record matters more than the view: when the interaction service is down,
 * slow or its circuit is open, the answer is {@link RecentInteractions#unavailable()}
 * instead of an error.
 */
@Component
public class RecentInteractionsOfCustomers {

	private static final Logger log = LoggerFactory.getLogger(RecentInteractionsOfCustomers.class);

	private static final int LATEST = 10;

	private final PartyInteractionApi interactions;

	private final CircuitBreaker circuitBreaker = CircuitBreaker.of("interaction-service",
			CircuitBreakerConfig.custom()
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(30))
				.build());

	RecentInteractionsOfCustomers(PartyInteractionApi interactions) {
		this.interactions = interactions;
	}

	public RecentInteractions of(String customerId) {
		try {
			return RecentInteractions.available(
					this.circuitBreaker.executeSupplier(() -> this.interactions.interactionsOf(customerId, LATEST)));
		}
		catch (CallNotPermittedException | RestClientException | OAuth2AuthorizationException ex) {
			log.warn("Recent interactions of customer {} unavailable: {}", customerId, ex.getMessage());
			return RecentInteractions.unavailable();
		}
	}

}
