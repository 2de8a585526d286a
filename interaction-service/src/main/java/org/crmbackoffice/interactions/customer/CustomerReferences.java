package org.crmbackoffice.interactions.customer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Makes sure an interaction only refers to customers the customer inventory knows. The
 * inventory owns customer data, so the check is a call to it, never a look at a local
 * copy; customers it confirmed are remembered for a few minutes, since a customer record
 * is not erased while someone is on the phone.
 * <p>
 * When the inventory cannot be asked (down, slower than the client timeouts, or failing
 * so often that the circuit breaker stopped calling it), the answer is
 * {@link CustomerVerification#UNAVAILABLE} rather than an error: a contact centre must be
 * able to log the call it is taking, and the check is completed later.
 */
@Component
public class CustomerReferences {

	private static final Logger log = LoggerFactory.getLogger(CustomerReferences.class);

	private final CustomerApi inventory;

	private final CircuitBreaker circuitBreaker;

	private final Cache<String, Boolean> knownCustomers = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(5))
		.maximumSize(100_000)
		.build();

	CustomerReferences(CustomerApi inventory) {
		this.inventory = inventory;
		this.circuitBreaker = CircuitBreaker.of("customer-inventory",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(30))
					.permittedNumberOfCallsInHalfOpenState(2)
					.recordExceptions(ResourceAccessException.class, OAuth2AuthorizationException.class,
							HttpServerErrorOrThrottling.class)
					.build());
	}

	/**
	 * Checks every related party whose {@code partyOrPartyRole} refers to a
	 * {@code Customer}.
	 * @throws ApiProblemException {@code unknown-reference} (422) naming each customer
	 * the inventory does not know
	 */
	public CustomerVerification verify(List<RelatedPartyOrPartyRole> relatedParties) {
		List<FieldProblem> unknown = new ArrayList<>();
		for (int i = 0; i < relatedParties.size(); i++) {
			RelatedPartyOrPartyRole party = relatedParties.get(i);
			if (!party.isCustomer()) {
				continue;
			}
			Boolean exists = lookUp(party.partyOrPartyRole().id());
			if (exists == null) {
				return CustomerVerification.UNAVAILABLE;
			}
			if (!exists) {
				unknown.add(new FieldProblem("/relatedParty/" + i + "/partyOrPartyRole/id",
						"The customer inventory has no customer with id " + party.partyOrPartyRole().id() + "."));
			}
		}
		if (!unknown.isEmpty()) {
			throw new ApiProblemException(ProblemType.UNKNOWN_REFERENCE, "The interaction refers to " + unknown.size()
					+ " customer(s) the customer inventory does not know.", unknown, null);
		}
		return CustomerVerification.VERIFIED;
	}

	/**
	 * @return whether the inventory knows the customer, or {@code null} when it could not
	 * be asked
	 */
	private Boolean lookUp(String customerId) {
		if (this.knownCustomers.getIfPresent(customerId) != null) {
			return true;
		}
		try {
			boolean exists = this.circuitBreaker.executeSupplier(() -> exists(customerId));
			if (exists) {
				this.knownCustomers.put(customerId, true);
			}
			return exists;
		}
		catch (CallNotPermittedException | ResourceAccessException | OAuth2AuthorizationException
				| HttpServerErrorOrThrottling ex) {
			log.warn("The customer inventory cannot be asked about customer {}: {}", customerId, ex.getMessage());
			return null;
		}
	}

	private boolean exists(String customerId) {
		try {
			this.inventory.retrieveCustomer(customerId);
			return true;
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().is5xxServerError() || ex.getStatusCode().value() == 429) {
				throw new HttpServerErrorOrThrottling(ex);
			}
			throw new ApiProblemException(ProblemType.PEER_FAILED, "The customer inventory answered "
					+ ex.getStatusCode().value() + " when asked for customer " + customerId + ". Nothing was stored.",
					List.of(), ex);
		}
	}

	/**
	 * The inventory failed or asked us to slow down: worth waiting for, unlike a refusal.
	 */
	static final class HttpServerErrorOrThrottling extends RuntimeException {

		HttpServerErrorOrThrottling(RestClientResponseException cause) {
			super("The customer inventory answered " + cause.getStatusCode().value(), cause);
		}

	}

}
