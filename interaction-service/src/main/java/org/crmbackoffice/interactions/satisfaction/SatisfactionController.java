package org.crmbackoffice.interactions.satisfaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.crmbackoffice.model.interaction.Satisfaction;
import org.crmbackoffice.model.interaction.SatisfactionCreate;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = SatisfactionController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "satisfaction", description = "The partner's satisfaction with completed interactions")
class SatisfactionController {

	static final String PATH = "/interaction/v1/partyInteraction/{id}/satisfaction";

	private final SatisfactionSurvey survey;

	SatisfactionController(SatisfactionSurvey survey) {
		this.survey = survey;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "recordSatisfaction",
			summary = "Records the partner's satisfaction with a completed interaction",
			description = "CSAT 1-5 and/or NPS 0-10 with free-text feedback, from the partner for its own interactions "
					+ "or from an agent on its behalf. Once per interaction (409 after); 409 before completion.")
	Satisfaction record(@PathVariable String id, @Valid @RequestBody SatisfactionCreate answer,
			@RequestHeader(name = "X-Channel", required = false) String channel) {
		return this.survey.record(id, answer, channel);
	}

	@GetMapping
	@Operation(operationId = "retrieveSatisfaction", summary = "Reads the partner's satisfaction with an interaction")
	Satisfaction read(@PathVariable String id) {
		return this.survey.of(id);
	}

}
