package org.crmbackoffice.inventory.interactions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.web.OffsetLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * A customer's interactions in full, for its GDPR rights: all of them for a download, and
 * their erasure with the customer. Unlike the 360 view these cannot be partial, so an
 * interaction service that cannot be asked makes the request fail with a 503 the client
 * may retry.
 */
@Component
public class InteractionsOfCustomers {

	private static final Logger log = LoggerFactory.getLogger(InteractionsOfCustomers.class);

	private final PartyInteractionApi interactions;

	private final PartyErasureApi erasure;

	InteractionsOfCustomers(PartyInteractionApi interactions, PartyErasureApi erasure) {
		this.interactions = interactions;
		this.erasure = erasure;
	}

	/**
	 * @return every interaction the customer took part in, most recent first
	 */
	public List<PartyInteraction> allOf(String customerId) {
		List<PartyInteraction> all = new ArrayList<>();
		List<PartyInteraction> page;
		do {
			long offset = all.size();
			page = ask(() -> this.interactions.interactionsOf(customerId, offset, OffsetLimit.MAX_LIMIT));
			all.addAll(page);
		}
		while (page.size() == OffsetLimit.MAX_LIMIT);
		return all;
	}

	/**
	 * Anonymises the customer in every interaction it took part in; doing it again is
	 * harmless.
	 */
	public PartyErasureApi.Erasure erase(String customerId) {
		return ask(() -> this.erasure.erase(new PartyErasureApi.ErasureRequest(customerId)));
	}

	private static <T> T ask(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException | OAuth2AuthorizationException ex) {
			log.warn("The interaction service cannot be asked: {}", ex.getMessage());
			throw new ApiProblemException(ProblemType.PEER_UNAVAILABLE,
					"The interaction service cannot be asked right now, so nothing was done. Try again later.");
		}
	}

}
