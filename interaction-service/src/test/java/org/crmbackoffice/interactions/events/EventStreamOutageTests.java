package org.crmbackoffice.interactions.events;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events published while the broker is unreachable stay owed in the database, and reach
 * Kafka once it answers: nothing is lost to an outage of the broker.
 */
@ApiIntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "crm.stream.kafka.enabled=true", "crm.stream.kafka.send-timeout=PT3S",
		"spring.kafka.producer.properties.max.block.ms=2000" })
class EventStreamOutageTests {

	private static final int BROKER_PORT = freePort();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void brokerNotYetStarted(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.bootstrap-servers", () -> "localhost:" + BROKER_PORT);
	}

	@Test
	void eventsPublishedWhileTheBrokerIsDownReachItOnceItIsBack() throws Exception {
		String interaction = logInteraction().id();
		Thread.sleep(4_000);
		assertThat(owedAbout(interaction)).as("events about the interaction owed to the stream while it is down")
			.isEqualTo(1);

		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, "crm.partyInteraction");
		broker.afterPropertiesSet();
		// The broker starts on a port of its own; the address the service was given now
		// leads to it. Past the first contact, clients use the address the broker
		// advertises.
		try (BootstrapForwarder forwarder = new BootstrapForwarder(BROKER_PORT, broker.getBrokersAsString());
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
						Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
								ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
								ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
						new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("crm.partyInteraction"));
			Awaitility.await("the create event on Kafka")
				.atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.until(() -> {
					for (var record : consumer.poll(Duration.ofMillis(500))) {
						if (record.key().equals(interaction)) {
							return true;
						}
					}
					return false;
				});
			Awaitility.await("nothing owed any more")
				.atMost(Duration.ofSeconds(10))
				.until(() -> owedAbout(interaction) == 0);
		}
		finally {
			broker.destroy();
		}
	}

	private int owedAbout(String interaction) {
		Integer owed = this.jdbc.queryForObject("""
				select count(*) from event_stream_pending p
				join event_outbox o on o.id = p.outbox_id and o.created_at = p.created_at
				where o.subject_id = ?""", Integer.class, interaction);
		return (owed != null) ? owed : 0;
	}

	private PartyInteraction logInteraction() {
		return this.client.post()
			.uri("/tmf-api/partyInteraction/v5/partyInteraction")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("During a broker outage", "inbound", "order request",
					List.of(new RelatedChannel("contact", ChannelRef.named("email"))),
					List.of(new RelatedPartyOrPartyRole("partner",
							new PartyRefOrPartyRoleRef("outage-" + UUID.randomUUID(), null, null, "Organization")))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Forwards every connection to a port to the broker's address, as the name the
	 * service knows the broker by would once the broker is back.
	 */
	private static final class BootstrapForwarder implements AutoCloseable {

		private final ServerSocket server;

		BootstrapForwarder(int port, String broker) throws IOException {
			String[] hostAndPort = broker.split(",")[0].split(":");
			this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						Socket client = this.server.accept();
						Socket upstream = new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
						pump(client, upstream);
						pump(upstream, client);
					}
					catch (IOException ex) {
						// Closed, or the broker went away with the test.
					}
				}
			}, "bootstrap-forwarder");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private static void pump(Socket from, Socket to) {
			Thread pump = new Thread(() -> {
				try (from; to) {
					from.getInputStream().transferTo(to.getOutputStream());
				}
				catch (IOException ex) {
					// One side closed the connection.
				}
			}, "bootstrap-forwarder-pump");
			pump.setDaemon(true);
			pump.start();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
