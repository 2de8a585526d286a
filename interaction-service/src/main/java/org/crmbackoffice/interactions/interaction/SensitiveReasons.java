package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reasons that touch a partner's money or contract. An interaction for such a reason may
 * be logged and cancelled at any time, but only worked on (moved past {@code opened})
 * once the partner is authenticated: by its own token, by proving who it is on the
 * interaction (its token or a one-time code), or by an agent recording a check it made.
 *
 * @param sensitiveReasons compared without regard to case
 */
@ConfigurationProperties("crm.interaction")
record SensitiveReasons(@DefaultValue( {
		"billing dispute", "contract change" }) List<String> sensitiveReasons){

	private Set<String> normalised() {
		return this.sensitiveReasons.stream()
			.map((reason) -> reason.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	void checkMayProceed(String reason, AuthenticationLevel level, InteractionStatus from, InteractionStatus to) {
		boolean proceeds = from == InteractionStatus.OPENED && to != InteractionStatus.OPENED
				&& to != InteractionStatus.CANCELLED;
		if (proceeds && reason != null && normalised().contains(reason.toLowerCase(Locale.ROOT))
				&& level != AuthenticationLevel.AUTHENTICATED) {
			throw new ApiProblemException(ProblemType.PARTNER_NOT_AUTHENTICATED, "An interaction about '" + reason
					+ "' can only proceed once the partner is authenticated: the partner proves who it is, or an agent "
					+ "records the check it made, at POST /interaction/v1/partyInteraction/{id}/authentication.");
		}
	}

}
