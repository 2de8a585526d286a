package org.crmbackoffice.support.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param path where callers open their stream, e.g. {@code /interaction/v1/events}; no
 * streams without it
 * @param pollInterval how often the instance looks for new events when it found none
 * @param heartbeat how long a stream stays silent before it gets a comment, so that
 * proxies do not close it as idle
 * @param maxDuration how long one stream lasts at most; it also ends when the caller's
 * token expires, and the client reconnects with {@code Last-Event-ID}
 * @param replayWindow how far back a reconnecting client is given what it missed; an
 * older position is answered with a {@code reload} event
 * @param maxStreams streams one instance holds at once
 * @param maxStreamsPerClient streams one caller (a partner's party, or a token's subject)
 * holds on one instance at once
 * @param batchSize events read at a time, for all streams or for one catching up
 * @param senders threads writing to the streams
 * @param queueLimit events waiting for a stream that does not read them; beyond it the
 * stream is closed, and its client resumes from where it was
 */
@ConfigurationProperties("crm.live")
public record LiveEventProperties(String path, @DefaultValue("PT0.1S") Duration pollInterval,
		@DefaultValue("PT15S") Duration heartbeat, @DefaultValue("PT1H") Duration maxDuration,
		@DefaultValue("PT24H") Duration replayWindow, @DefaultValue("2000") int maxStreams,
		@DefaultValue("5") int maxStreamsPerClient, @DefaultValue("500") int batchSize, @DefaultValue("4") int senders,
		@DefaultValue("1000") int queueLimit) {

}
