package org.crmbackoffice.interactions.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.support.retry.Backoff;
import org.crmbackoffice.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Sends the progress messages owed to partners: on the customer's preferred contact
 * medium from the inventory, email before phone when none is preferred. A message the
 * partner got goes into the interaction's track record.
 * <p>
 * An instance claims one due message at a time with {@code FOR UPDATE SKIP LOCKED} and
 * commits the claim at once, which moves the message's next attempt out by
 * {@code claim-for}; only then does it ask the inventory and the mail server or SMS
 * provider, holding no lock, and it records the outcome in a second short transaction. An
 * instance that stops mid-send leaves the message to be tried again once the claim runs
 * out, so a partner may, rarely, get a message twice, but never none. A message that
 * cannot be sent yet (inventory, mail server or provider unreachable) is tried again
 * later, up to {@code max-attempts}; one that never can (no contact medium, no mail
 * server, no SMS provider, refused by the provider) is marked undeliverable with the
 * reason.
 */
@Component
public class PartnerMessageSender {

	private static final Logger log = LoggerFactory.getLogger(PartnerMessageSender.class);

	private static final Caller SERVICE = Caller.system("interaction-service");

	private static final Map<String, String> PHRASES = Map.of("inProgress", "is being worked on", "waitingForPartner",
			"is waiting for you", "waitingForBackOffice", "is with our back office", "completed", "is completed",
			"cancelled", "was cancelled", PartnerMessages.REMINDER,
			"is taking longer than planned; we have not forgotten it");

	private static final String CLAIM = """
			update partner_message m set attempts = m.attempts + 1, next_attempt_at = ?
			from party_interaction i
			where i.id = m.interaction_id
			  and m.id = (select id from partner_message
			              where state = 'pending' and next_attempt_at <= ?
			              order by next_attempt_at, id limit 1
			              for update skip locked)
			returning m.id, m.interaction_id, m.customer_id, m.status, m.attempts, i.reason""";

	/**
	 * Only the instance holding the latest claim records an outcome; a later claim has
	 * counted one more attempt.
	 */
	private static final String STILL_CLAIMED = " where id = ? and state = 'pending' and attempts = ?";

	private final JdbcTemplate jdbc;

	private final CustomerApi customers;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<SmsGateway> sms;

	private final InteractionHistory history;

	private final PartnerMessageProperties properties;

	private final Backoff backoff;

	private final Clock clock;

	private final TransactionTemplate transaction;

	PartnerMessageSender(JdbcTemplate jdbc, CustomerApi customers, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<SmsGateway> sms, InteractionHistory history, PartnerMessageProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.mail = mail;
		this.sms = sms;
		this.history = history;
		this.properties = properties;
		this.backoff = new Backoff(properties.retryAfter(), properties.maxRetryAfter());
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Sends due messages until none is left.
	 * @return how many messages were handled
	 */
	@Scheduled(fixedDelayString = "${crm.interaction.partner-messages.send-interval:PT10S}")
	public int sendDue() {
		int handled = 0;
		for (Optional<Claimed> message = claim(); message.isPresent(); message = claim()) {
			record(message.get(), deliver(message.get()));
			handled++;
		}
		return handled;
	}

	private Optional<Claimed> claim() {
		Instant now = this.clock.instant();
		List<Claimed> claimed = this.transaction.execute((status) -> this.jdbc.query(CLAIM,
				(row, number) -> new Claimed(row.getLong("id"), row.getObject("interaction_id", UUID.class),
						row.getString("customer_id"), row.getString("status"), row.getInt("attempts"),
						row.getString("reason")),
				Timestamp.from(now.plus(this.properties.claimFor())), Timestamp.from(now)));
		return (claimed != null) ? claimed.stream().findFirst() : Optional.empty();
	}

	private Outcome deliver(Claimed message) {
		Customer customer;
		try {
			customer = this.customers.retrieveCustomer(message.customerId());
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Outcome.undeliverable(null, null,
					"the customer inventory does not know customer " + message.customerId());
		}
		catch (RestClientException | OAuth2AuthorizationException ex) {
			return Outcome.notYet(null, null, "the customer inventory cannot be asked: " + ex.getMessage());
		}
		Optional<ContactMedium> medium = preferredOf(customer);
		if (medium.isEmpty()) {
			return Outcome.undeliverable(null, null, "the customer has no email address or phone number");
		}
		String text = "Hello " + customer.name() + ", your request about " + message.reason() + " "
				+ PHRASES.getOrDefault(message.topic(), "changed") + ".";
		return ContactMedium.EMAIL.equals(medium.get().mediumType()) ? email(medium.get().emailAddress(), text)
				: sms(medium.get().phoneNumber(), text);
	}

	private Outcome email(String recipient, String text) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Outcome.undeliverable("email", recipient, "no mail server is configured (spring.mail.host)");
		}
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(this.properties.from());
		mailMessage.setTo(recipient);
		mailMessage.setSubject("Update on your request");
		mailMessage.setText(text);
		try {
			sender.send(mailMessage);
		}
		catch (MailException ex) {
			return Outcome.notYet("email", recipient, "sending failed: " + ex.getMessage());
		}
		return new Outcome(State.SENT, "email", recipient, text, null, null);
	}

	private Outcome sms(String recipient, String text) {
		SmsGateway gateway = this.sms.getIfAvailable();
		if (gateway == null) {
			return Outcome.undeliverable("sms", recipient,
					"no SMS provider is configured (crm.interaction.partner-messages.sms.url)");
		}
		SmsOutcome outcome;
		try {
			outcome = Objects.requireNonNull(gateway.send(recipient, text), "the SMS gateway gave no outcome");
		}
		catch (RuntimeException ex) {
			// A gateway plugged in by an operator may break its contract; its message
			// must not stay claimed for ever.
			outcome = new SmsOutcome.NotYet("the SMS gateway failed: " + ex);
		}
		if (outcome instanceof SmsOutcome.Sent sent) {
			return new Outcome(State.SENT, "sms", recipient, text, sent.providerMessageId(), null);
		}
		if (outcome instanceof SmsOutcome.OnlyLogged) {
			return new Outcome(State.LOGGED, "sms", recipient, text, null, null);
		}
		if (outcome instanceof SmsOutcome.Refused refused) {
			return Outcome.undeliverable("sms", recipient, refused.reason());
		}
		return Outcome.notYet("sms", recipient, ((SmsOutcome.NotYet) outcome).reason());
	}

	private void record(Claimed message, Outcome outcome) {
		boolean givenUp = outcome.state() == State.PENDING && message.attempts() >= this.properties.maxAttempts();
		Outcome recorded = givenUp ? Outcome.undeliverable(outcome.channel(), outcome.recipient(), outcome.error())
				: outcome;
		Instant now = this.clock.instant();
		Boolean stillClaimed = this.transaction.execute((status) -> {
			int updated = switch (recorded.state()) {
				case PENDING ->
					this.jdbc.update("update partner_message set next_attempt_at = ?, error = ?" + STILL_CLAIMED,
							Timestamp.from(now.plus(this.backoff.delay(message.attempts()))),
							truncate(recorded.error()), message.id(), message.attempts());
				case UNDELIVERABLE -> this.jdbc.update(
						"update partner_message set state = 'undeliverable', channel = ?, recipient = ?, error = ?"
								+ STILL_CLAIMED,
						recorded.channel(), recorded.recipient(), truncate(recorded.error()), message.id(),
						message.attempts());
				case SENT,
						LOGGED ->
					this.jdbc.update(
							"update partner_message set state = ?, sent_at = ?, channel = ?, "
									+ "recipient = ?, provider_message_id = ?, error = null" + STILL_CLAIMED,
							recorded.state().stored, Timestamp.from(now), recorded.channel(), recorded.recipient(),
							recorded.providerMessageId(), message.id(), message.attempts());
			};
			if (updated == 1 && (recorded.state() == State.SENT || recorded.state() == State.LOGGED)) {
				this.history.recordOutbound(message.interactionId(),
						(recorded.state() == State.SENT) ? "partnerNotified" : "partnerMessageLogged", SERVICE,
						recorded.channel(),
						List.of(new FieldChange("outboundNotification", null, details(message, recorded))), now);
			}
			return updated == 1;
		});
		if (!Boolean.TRUE.equals(stillClaimed)) {
			log.warn("Progress message {} was claimed again while being sent; its outcome ({}) is not recorded",
					message.id(), recorded.state().stored);
		}
		else if (recorded.state() == State.PENDING) {
			log.warn("Progress message {} not sent yet: {}", message.id(), recorded.error());
		}
		else if (recorded.state() == State.UNDELIVERABLE) {
			log.warn("Progress message {} cannot be delivered: {}", message.id(), recorded.error());
		}
	}

	private static Map<String, Object> details(Claimed message, Outcome outcome) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("channel", outcome.channel());
		details.put("recipient", outcome.recipient());
		details.put("status", message.topic());
		details.put("text", outcome.text());
		if (outcome.providerMessageId() != null) {
			details.put("providerMessageId", outcome.providerMessageId());
		}
		if (outcome.state() == State.LOGGED) {
			details.put("note", "only written to the log of a development installation; the partner got nothing");
		}
		return details;
	}

	private static Optional<ContactMedium> preferredOf(Customer customer) {
		return customer.contactMedium()
			.stream()
			.filter((medium) -> usable(medium))
			.min(Comparator.comparing((ContactMedium medium) -> !Boolean.TRUE.equals(medium.preferred()))
				.thenComparing((medium) -> !ContactMedium.EMAIL.equals(medium.mediumType())));
	}

	private static boolean usable(ContactMedium medium) {
		return (ContactMedium.EMAIL.equals(medium.mediumType()) && medium.emailAddress() != null)
				|| ((ContactMedium.PHONE.equals(medium.mediumType())
						|| ContactMedium.MOBILE.equals(medium.mediumType())) && medium.phoneNumber() != null);
	}

	private static String truncate(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

	/** A message this instance took to send; {@code attempts} counts this one. */
	private record Claimed(long id, UUID interactionId, String customerId, String topic, int attempts, String reason) {
	}

	private enum State {

		PENDING("pending"), SENT("sent"), LOGGED("logged"), UNDELIVERABLE("undeliverable");

		final String stored;

		State(String stored) {
			this.stored = stored;
		}

	}

	/**
	 * @param channel and {@code recipient}: {@code null} while the customer's contact
	 * medium is unknown
	 */
	private record Outcome(State state, String channel, String recipient, String text, String providerMessageId,
			String error) {

		static Outcome undeliverable(String channel, String recipient, String why) {
			return new Outcome(State.UNDELIVERABLE, channel, recipient, null, null, why);
		}

		static Outcome notYet(String channel, String recipient, String why) {
			return new Outcome(State.PENDING, channel, recipient, null, null, why);
		}

	}

}
