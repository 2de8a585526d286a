package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.Optional;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels this enterprise talks to its partners on ({@code crm.channel.catalogue}),
 * so that a client may name a channel by its id, as TMF683 v5 asks, or by its name, and
 * every answer carries both, with the href of the channel in {@link ChannelController}. A
 * channel id the catalogue does not know is kept as given, since channels may be managed
 * in another system.
 */
@ConfigurationProperties("crm.channel")
record ChannelCatalogue(List<Channel> catalogue) {

	static final String PATH = "/interaction/v1/channel";

	ChannelCatalogue {
		catalogue = (catalogue != null) ? List.copyOf(catalogue) : List.of();
	}

	/**
	 * The channel with its id, name and href filled in from the catalogue where the
	 * client left them out.
	 * @param pointer where the channel is in the request, for the problem
	 * @throws ApiProblemException 400 for a channel with neither an id nor a name the
	 * catalogue knows
	 */
	ChannelRef resolve(ChannelRef channel, String pointer) {
		Optional<Channel> known = (channel.id() != null && !channel.id().isBlank()) ? byId(channel.id())
				: Optional.ofNullable(channel.name()).flatMap(this::byName);
		if (known.isEmpty() && (channel.id() == null || channel.id().isBlank())) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"A channel is referred to by its id, or by a name in the channel catalogue.",
					List.of(new FieldProblem(pointer + "/id",
							"must not be empty unless name is one of " + String.join(", ", names()))),
					null);
		}
		String id = known.map(Channel::id).orElse(channel.id());
		return new ChannelRef(id, (channel.href() != null) ? channel.href() : known.map(Channel::href).orElse(null),
				(channel.name() != null) ? channel.name() : known.map(Channel::name).orElse(null),
				channel.referredType(), channel.type());
	}

	Optional<Channel> byId(String id) {
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

		String href() {
			return PATH + "/" + this.id;
		}

	}

}
