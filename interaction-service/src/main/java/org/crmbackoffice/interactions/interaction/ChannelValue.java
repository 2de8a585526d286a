package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.TimePeriod;

/** One channel of an interaction, with the time it was used, as stored. */
@Embeddable
record ChannelValue(@Column(name = "role") String role, @Column(name = "channel_id") String channelId,
		@Column(name = "channel_href") String channelHref, @Column(name = "channel_name") String channelName,
		@Column(name = "channel_type") String channelType, @Column(name = "valid_from") Instant validFrom,
		@Column(name = "valid_to") Instant validTo) {

	static ChannelValue of(RelatedChannel related) {
		ChannelRef channel = related.channel();
		TimePeriod period = related.validFor();
		return new ChannelValue(related.role(), channel.id(), channel.href(), channel.name(),
				(channel.referredType() != null) ? channel.referredType() : "Channel",
				(period != null && period.startDateTime() != null) ? period.startDateTime().toInstant() : null,
				(period != null && period.endDateTime() != null) ? period.endDateTime().toInstant() : null);
	}

	RelatedChannel toRelatedChannel() {
		TimePeriod period = (this.validFrom == null && this.validTo == null) ? null
				: new TimePeriod((this.validFrom != null) ? this.validFrom.atOffset(ZoneOffset.UTC) : null,
						(this.validTo != null) ? this.validTo.atOffset(ZoneOffset.UTC) : null);
		return new RelatedChannel(this.role,
				new ChannelRef(this.channelId, this.channelHref, this.channelName, this.channelType), period);
	}

}
