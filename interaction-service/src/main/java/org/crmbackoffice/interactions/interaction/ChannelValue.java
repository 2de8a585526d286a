package org.crmbackoffice.interactions.interaction;

import java.time.Instant;

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
		@Column(name = "valid_to") Instant validTo, @Column(name = "at_type") String type,
		@Column(name = "channel_at_type") String channelAtType) {

	/**
	 * @param channel the channel with both id and name, as the catalogue resolved them
	 */
	static ChannelValue of(RelatedChannel related, ChannelRef channel) {
		TimePeriod period = related.validFor();
		return new ChannelValue(related.role(), channel.id(), channel.href(), channel.name(),
				(channel.referredType() != null) ? channel.referredType() : "Channel", Periods.startOf(period),
				Periods.endOf(period), related.type(), channel.type());
	}

	RelatedChannel toRelatedChannel() {
		return new RelatedChannel(this.role,
				new ChannelRef(this.channelId, this.channelHref, this.channelName, this.channelType,
						Periods.or(this.channelAtType, ChannelRef.TYPE)),
				Periods.periodOf(this.validFrom, this.validTo), Periods.or(this.type, RelatedChannel.TYPE));
	}

}
