package org.crmbackoffice.support.hub;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param hubPath where listeners are registered, e.g.
 * {@code /tmf-api/partyInteraction/v5/hub}
 * @param v4HubPath where TMF v4 clients register, for a service that serves its v4 API
 * beside v5; listeners registered there receive the v4 shape of each event
 * @param partyHubPath where listeners of TMF632 party events register, for a service that
 * also serves parties (as a TMF629 customer inventory does, beside its customers);
 * listeners registered there receive only party events
 * @param deliveryPath where deliveries are listed and redelivered, e.g.
 * {@code /interaction/v1/delivery}
 * @param allowPrivateCallbacks whether callbacks may point at loopback or private
 * addresses; only for tests and the local stack, since it would let a caller make the
 * service call into its own network
 * @param dispatcher whether this instance delivers (several instances may)
 * @param workers threads of this instance that claim deliveries and record their
 * outcomes; two keep the database busy while one of them waits for it
 * @param concurrencyPerListener deliveries in flight to one listener at once from this
 * instance; a slow listener gets no more places than this, so it never takes another's
 * @param maxAttempts tries before a delivery becomes a dead letter
 * @param firstRetry the wait after the first failed try; it doubles with each further try
 * @param maxRetry the longest wait between two tries
 * @param secretOverlap how long a rotated secret still signs alongside its successor
 * @param retention how long the record of an event, its deliveries and their attempts is
 * kept after the end of the month it was published in, once nothing in that month is
 * still owed
 */
@ConfigurationProperties("crm.hub")
public record HubProperties(String hubPath, String v4HubPath, String partyHubPath, String deliveryPath,
		@DefaultValue("false") boolean allowPrivateCallbacks, @DefaultValue("true") boolean dispatcher,
		@DefaultValue("4") int workers, @DefaultValue("32") int concurrencyPerListener,
		@DefaultValue("PT0.1S") Duration pollInterval, @DefaultValue("12") int maxAttempts,
		@DefaultValue("PT10S") Duration firstRetry, @DefaultValue("PT1H") Duration maxRetry,
		@DefaultValue("PT10S") Duration callbackTimeout, @DefaultValue("PT24H") Duration secretOverlap,
		@DefaultValue("P90D") Duration retention) {

	public static final String V5 = "v5";

	public static final String V4 = "v4";

	/** The hub of the TMF632 parties a service serves beside its main API. */
	public static final String PARTY_V5 = "party-v5";

	/**
	 * The API of the hub at this request path: v4 under {@link #v4HubPath()}, the parties
	 * under {@link #partyHubPath()}, v5 everywhere else.
	 */
	String apiVersionAt(String requestPath) {
		if (this.v4HubPath != null && requestPath.startsWith(this.v4HubPath)) {
			return V4;
		}
		return (this.partyHubPath != null && requestPath.startsWith(this.partyHubPath)) ? PARTY_V5 : V5;
	}

	String hubPathOf(String apiVersion) {
		return switch (apiVersion) {
			case V4 -> this.v4HubPath;
			case PARTY_V5 -> this.partyHubPath;
			default -> this.hubPath;
		};
	}
}
