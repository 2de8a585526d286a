package org.crmbackoffice.interactions.partnermessage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
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
 * Sends the progress messages owed to partners: on the customer's preferred contact medium from the inventory,
 * email before phone when none is preferred. A sent message goes into the interaction's track record. Instances
 * share the work with {@code FOR UPDATE SKIP LOCKED}; a message that cannot be sent yet (inventory or mail server
 * unreachable) is tried again later, one that never can (no contact medium, no mail server) is marked
 * undeliverable.
 */
@Component
public class PartnerMessageSender {

	private static final Logger log = LoggerFactory.getLogger(PartnerMessageSender.class);

	private static final Caller SERVICE = Caller.system("interaction-service");

	private static final Map<String, String> PHRASES = Map.of("inProgress", "is being worked on",
			"waitingForPartner", "is waiting for you", "waitingForBackOffice", "is with our back office",
			"completed", "is completed", "cancelled", "was cancelled", PartnerMessages.REMINDER,
			"is taking longer than planned; we have not forgotten it");

	private final JdbcTemplate jdbc;

	private final CustomerApi customers;

	private final ObjectProvider<JavaMailSender> mail;

	private final SmsGateway sms;

	private final InteractionHistory history;

	private final PartnerMessageProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	PartnerMessageSender(JdbcTemplate jdbc, CustomerApi customers, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
			InteractionHistory history, PartnerMessageProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.mail = mail;
		this.sms = sms;
		this.history = history;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** @return how many messages were handled */
	@Scheduled(fixedDelayString = "${crm.interaction.partner-messages.send-interval:PT10S}")
	public int sendDue() {
		Integer handled = this.transaction.execute((status) -> {
			List<Map<String, Object>> due = this.jdbc.queryForList("""
					select m.id, m.interaction_id, m.customer_id, m.status, m.attempts, i.reason, i.description
					from partner_message m join party_interaction i on i.id = m.interaction_id
					where m.state = 'pending' and m.next_attempt_at <= ?
					order by m.next_attempt_at, m.id limit 20
					for update of m skip locked""", Timestamp.from(this.clock.instant()));
			due.forEach(this::send);
			return due.size();
		});
		return (handled != null) ? handled : 0;
	}

	private void send(Map<String, Object> message) {
		long id = ((Number) message.get("id")).longValue();
		Customer customer;
		try {
			customer = this.customers.retrieveCustomer((String) message.get("customer_id"));
		}
		catch (HttpClientErrorException.NotFound ex) {
			undeliverable(id, "the customer inventory does not know customer " + message.get("customer_id"));
			return;
		}
		catch (RestClientException | OAuth2AuthorizationException ex) {
			retry(message, "the customer inventory cannot be asked: " + ex.getMessage());
			return;
		}
		Optional<ContactMedium> medium = preferredOf(customer);
		if (medium.isEmpty()) {
			undeliverable(id, "the customer has no email address or phone number");
			return;
		}
		String text = "Hello " + customer.name() + ", your request about " + message.get("reason") + " "
				+ PHRASES.getOrDefault((String) message.get("status"), "changed") + ".";
		boolean email = ContactMedium.EMAIL.equals(medium.get().mediumType());
		String recipient = email ? medium.get().emailAddress() : medium.get().phoneNumber();
		try {
			if (email) {
				JavaMailSender sender = this.mail.getIfAvailable();
				if (sender == null) {
					undeliverable(id, "no mail server is configured (spring.mail.host)");
					return;
				}
				SimpleMailMessage mailMessage = new SimpleMailMessage();
				mailMessage.setFrom(this.properties.from());
				mailMessage.setTo(recipient);
				mailMessage.setSubject("Update on your request");
				mailMessage.setText(text);
				sender.send(mailMessage);
			}
			else {
				this.sms.send(recipient, text);
			}
		}
		catch (MailException ex) {
			retry(message, "sending failed: " + ex.getMessage());
			return;
		}
		String channel = email ? "email" : "sms";
		Instant now = this.clock.instant();
		this.jdbc.update("update partner_message set state = 'sent', sent_at = ?, channel = ?, recipient = ?, "
				+ "attempts = attempts + 1 where id = ?", Timestamp.from(now), channel, recipient, id);
		this.history.recordOutbound((UUID) message.get("interaction_id"), "partnerNotified", SERVICE, channel,
				List.of(new FieldChange("outboundNotification", null,
						Map.of("channel", channel, "recipient", recipient, "status", message.get("status"), "text",
								text))),
				now);
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
				|| ((ContactMedium.PHONE.equals(medium.mediumType()) || ContactMedium.MOBILE.equals(medium.mediumType()))
						&& medium.phoneNumber() != null);
	}

	private void retry(Map<String, Object> message, String error) {
		int attempts = ((Number) message.get("attempts")).intValue() + 1;
		log.warn("Progress message {} not sent yet: {}", message.get("id"), error);
		if (attempts >= this.properties.maxAttempts()) {
			undeliverable(((Number) message.get("id")).longValue(), error);
			return;
		}
		this.jdbc.update("update partner_message set attempts = ?, next_attempt_at = ?, error = ? where id = ?",
				attempts, Timestamp.from(this.clock.instant().plus(this.properties.retryAfter())), truncate(error),
				message.get("id"));
	}

	private void undeliverable(long id, String why) {
		log.warn("Progress message {} cannot be delivered: {}", id, why);
		this.jdbc.update("update partner_message set state = 'undeliverable', error = ? where id = ?", truncate(why), id);
	}

	private static String truncate(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
