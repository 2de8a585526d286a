package org.crmbackoffice.interactions.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.RelatedChannel;

/** One channel of an interaction, as stored. */
@Embeddable
record ChannelValue(@Column(name = "role") String role, @Column(name = "channel_id") String channelId,
		@Column(name = "channel_href") String channelHref, @Column(name = "channel_name") String channelName,
		@Column(name = "channel_type") String channelType) {

	static ChannelValue of(RelatedChannel related) {
		ChannelRef channel = related.channel();
		return new ChannelValue(related.role(), channel.id(), channel.href(), channel.name(),
				(channel.referredType() != null) ? channel.referredType() : "Channel");
	}

	RelatedChannel toRelatedChannel() {
		return new RelatedChannel(this.role,
				new ChannelRef(this.channelId, this.channelHref, this.channelName, this.channelType));
	}

}
