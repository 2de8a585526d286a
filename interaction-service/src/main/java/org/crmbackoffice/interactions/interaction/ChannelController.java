package org.crmbackoffice.interactions.interaction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channel catalogue, where the href of every catalogued channel an interaction refers
 * to leads.
 */
@RestController
@RequestMapping(path = ChannelCatalogue.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "channel", description = "The channels interactions happen on")
class ChannelController {

	private final ChannelCatalogue catalogue;

	ChannelController(ChannelCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "Lists the channel catalogue", description = "Configured in crm.channel.catalogue.")
	List<ChannelResource> list() {
		return this.catalogue.catalogue().stream().map(ChannelResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a catalogued channel")
	ChannelResource retrieve(@PathVariable String id) {
		return this.catalogue.byId(id)
			.map(ChannelResource::of)
			.orElseThrow(() -> ApiProblemException.notFound("channel", id));
	}

	/** A channel as the catalogue shows it. */
	record ChannelResource(String id, String href, String name, @JsonProperty("@type") String type) {

		static ChannelResource of(ChannelCatalogue.Channel channel) {
			return new ChannelResource(channel.id(), channel.href(), channel.name(), "Channel");
		}

	}

}
