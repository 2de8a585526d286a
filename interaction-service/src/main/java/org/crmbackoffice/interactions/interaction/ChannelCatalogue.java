package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.Optional;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels this enterprise talks to its partners on ({@code crm.channel.catalogue}), so that a client may
 * name a channel by its id, as TMF683 v5 asks, or by its name, and every answer carries both. A channel id the
 * catalogue does not know is kept as given, since channels may be managed in another system.
 */
@ConfigurationProperties("crm.channel")
record ChannelCatalogue(List<Channel> catalogue) {

	ChannelCatalogue {
		catalogue = (catalogue != null) ? List.copyOf(catalogue) : List.of();
	}

	/**
	 * The channel with its id and name filled in from the catalogue where the client gave only one.
	 * @param pointer where the channel is in the request, for the problem
	 * @throws ApiProblemException 400 for a channel with neither an id nor a name the catalogue knows
	 */
	ChannelRef resolve(ChannelRef channel, String pointer) {
		if (channel.id() != null && !channel.id().isBlank()) {
			String name = (channel.name() != null) ? channel.name()
					: byId(channel.id()).map(Channel::name).orElse(null);
			return new ChannelRef(channel.id(), channel.href(), name, channel.referredType(), channel.type());
		}
		if (channel.name() != null) {
			Optional<Channel> known = byName(channel.name());
			if (known.isPresent()) {
				return new ChannelRef(known.get().id(), channel.href(), channel.name(), channel.referredType(),
						channel.type());
			}
		}
		throw new ApiProblemException(ProblemType.INVALID_REQUEST,
				"A channel is referred to by its id, or by a name in the channel catalogue.",
				List.of(new FieldProblem(pointer + "/id",
						"must not be empty unless name is one of " + String.join(", ", names()))),
				null);
	}

	private Optional<Channel> byId(String id) {
		return this.catalogue.stream().filter((channel) -> channel.id().equals(id)).findFirst();
	}

	private Optional<Channel> byName(String name) {
		return this.catalogue.stream().filter((channel) -> channel.name().equalsIgnoreCase(name)).findFirst();
	}

	private List<String> names() {
		return this.catalogue.stream().map(Channel::name).toList();
	}

	/** One channel of the catalogue. */
	record Channel(String id, String name) {
	}

}
