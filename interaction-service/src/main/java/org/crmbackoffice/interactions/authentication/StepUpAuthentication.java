package org.crmbackoffice.interactions.authentication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.interactions.authentication.AuthenticationCodes.StoredCode;
import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.interactions.interaction.PartnerAuthentications;
import org.crmbackoffice.interactions.interaction.PartnerAuthentications.Subject;
import org.crmbackoffice.model.interaction.AuthenticationCode;
import org.crmbackoffice.model.interaction.AuthenticationCreate;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.AuthenticationMethod;
import org.crmbackoffice.model.interaction.InteractionAuthentication;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises an interaction's partner to {@code authenticated} (step-up authentication, eTOM
 * 1.6.9: some interactions proceed only once the partner authenticated). A partner proves
 * itself through the API: by its token, when the interaction names its party, or by the
 * one-time code an agent gave it, which also makes it the party of an interaction that
 * named none. An agent records a check it made itself. Either way the track record says
 * how, when and by whom, and listeners hear of it.
 * <p>
 * A partner learns nothing of an interaction it takes no part in and holds no code for:
 * it is not found, as everywhere in the API. Wrong codes are counted and recorded in the
 * transaction of their own, since the refusal must not undo the count.
 */
@Service
class StepUpAuthentication {

	private static final String NAMED = "A partner proves who it is with its own token (partner-token) or "
			+ "with the one-time code an agent gave it (one-time-code with code).";

	private final PartnerAuthentications interactions;

	private final AuthenticationCodes codes;

	private final AuthenticationCodeProperties properties;

	private final InteractionHistory history;

	private final CurrentCaller caller;

	private final TransactionTemplate transaction;

	private final Clock clock;

	StepUpAuthentication(PartnerAuthentications interactions, AuthenticationCodes codes,
			AuthenticationCodeProperties properties, InteractionHistory history, CurrentCaller caller,
			TransactionTemplate transaction, Clock clock) {
		this.interactions = interactions;
		this.codes = codes;
		this.properties = properties;
		this.history = history;
		this.caller = caller;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * A new one-time code for the interaction, replacing any earlier one; its issue (not
	 * the code) goes into the track record.
	 */
	AuthenticationCode issueCode(String id, String channel) {
		Caller current = this.caller.get();
		UUID interactionId = idOf(id);
		String code = this.codes.newCode(this.properties.digits());
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.validFor());
		this.transaction.executeWithoutResult((status) -> {
			Subject subject = this.interactions.find(interactionId)
				.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
			checkNotAuthenticated(subject);
			this.codes.store(interactionId, code, current.subject(), now, expiresAt, this.properties.maxAttempts());
			this.history.recordOutbound(interactionId, "authenticationCodeIssued", current, channel,
					List.of(new FieldChange("expiresAt", null, expiresAt.toString())), now);
		});
		return new AuthenticationCode(id, code, expiresAt, this.properties.maxAttempts(), current.subject());
	}

	InteractionAuthentication authenticate(String id, AuthenticationCreate request, String channel) {
		Caller current = this.caller.get();
		if (current.isPartner()) {
			return authenticatePartner(id, request, current, channel);
		}
		// Anyone else holds the permission to record a check: the endpoint's rule let
		// them in (InteractionAccess).
		return recordAgentCheck(id, request, current, channel);
	}

	private InteractionAuthentication authenticatePartner(String id, AuthenticationCreate request, Caller current,
			String channel) {
		if (current.partyId() == null) {
			throw new ApiProblemException(ProblemType.FORBIDDEN,
					"The partner's token names no party (claim party_id), so it cannot prove to be one.");
		}
		AuthenticationMethod method = (request.method() != null) ? request.method()
				: (request.code() != null) ? AuthenticationMethod.ONE_TIME_CODE : AuthenticationMethod.PARTNER_TOKEN;
		if (method == AuthenticationMethod.PARTNER_TOKEN && request.code() == null) {
			return byPartnerToken(id, current, channel);
		}
		if (method == AuthenticationMethod.ONE_TIME_CODE && request.code() != null) {
			return byCode(id, request.code(), current, channel);
		}
		FieldProblem problem = switch (method) {
			case PARTNER_TOKEN -> new FieldProblem("/code", "a code goes with the method one-time-code");
			case ONE_TIME_CODE -> new FieldProblem("/code", "give the code the agent told you");
			default -> new FieldProblem("/method", "partner-token or one-time-code");
		};
		throw new ApiProblemException(ProblemType.INVALID_REQUEST, NAMED, List.of(problem), null);
	}

	private InteractionAuthentication byPartnerToken(String id, Caller current, String channel) {
		UUID interactionId = idOf(id);
		Instant now = this.clock.instant();
		return this.transaction.execute((status) -> {
			Subject subject = this.interactions.find(interactionId)
				.filter((found) -> found.involves(current.partyId()))
				.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
			checkNotAuthenticated(subject);
			PartyInteraction after = this.interactions.authenticate(interactionId, null,
					details(AuthenticationMethod.PARTNER_TOKEN, current.partyId(), null), current, channel, now);
			return outcome(after, AuthenticationMethod.PARTNER_TOKEN, current, now, false);
		});
	}

	private InteractionAuthentication byCode(String id, String code, Caller current, String channel) {
		UUID interactionId = idOf(id);
		Instant now = this.clock.instant();
		CodeAttempt attempt = this.transaction.execute((status) -> {
			Subject subject = this.interactions.find(interactionId)
				.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
			StoredCode stored = this.codes.lock(interactionId).orElse(null);
			boolean takesPart = subject.involves(current.partyId());
			if (stored == null && !takesPart) {
				throw ApiProblemException.notFound("party interaction", id);
			}
			checkNotAuthenticated(subject);
			checkUsable(stored, now);
			if (!this.codes.matches(code, stored)) {
				int remaining = Math.max(0, stored.maxAttempts() - this.codes.countWrongAttempt(interactionId));
				this.history.recordOutbound(interactionId, "authenticationCodeRejected", current, channel,
						List.of(new FieldChange("remainingAttempts", null, remaining)), now);
				return CodeAttempt.wrong(remaining);
			}
			if (!takesPart && subject.namesAnyParty()) {
				throw new ApiProblemException(ProblemType.AUTHENTICATION_PARTY_MISMATCH,
						"Interaction " + id + " is about another party than " + current.partyId()
								+ "; an agent must correct its related parties before the code can authenticate you.");
			}
			this.codes.use(interactionId, current.subject(), now);
			PartyInteraction after = this.interactions.authenticate(interactionId, takesPart ? null : current.partyId(),
					details(AuthenticationMethod.ONE_TIME_CODE, current.partyId(), stored.issuedBy()), current, channel,
					now);
			return CodeAttempt.right(outcome(after, AuthenticationMethod.ONE_TIME_CODE, current, now, !takesPart));
		});
		if (attempt.authentication() == null) {
			String detail = (attempt.remainingAttempts() > 0)
					? "The code is wrong; " + attempt.remainingAttempts() + " more attempts are allowed."
					: "The code is wrong, and was the last attempt allowed: ask the agent for a new code.";
			throw new ApiProblemException(ProblemType.AUTHENTICATION_CODE_WRONG, detail,
					Map.of("remainingAttempts", attempt.remainingAttempts()));
		}
		return attempt.authentication();
	}

	private InteractionAuthentication recordAgentCheck(String id, AuthenticationCreate request, Caller current,
			String channel) {
		if (request.method() == null || request.method() == AuthenticationMethod.PARTNER_TOKEN) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"An agent records the check it made: knowledge-questions, one-time-code or document-check.",
					List.of(new FieldProblem("/method", "name how you checked who the partner is")), null);
		}
		if (request.code() != null) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"An agent records a check it made; only a partner presents a code to the service.",
					List.of(new FieldProblem("/code", "leave it out")), null);
		}
		UUID interactionId = idOf(id);
		Instant now = this.clock.instant();
		return this.transaction.execute((status) -> {
			Subject subject = this.interactions.find(interactionId)
				.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
			checkNotAuthenticated(subject);
			PartyInteraction after = this.interactions.authenticate(interactionId, null,
					details(request.method(), null, null), current, channel, now);
			return outcome(after, request.method(), current, now, false);
		});
	}

	private static void checkNotAuthenticated(Subject subject) {
		if (subject.isAuthenticated()) {
			throw new ApiProblemException(ProblemType.ALREADY_AUTHENTICATED,
					"The partner of interaction " + subject.interaction().id() + " is authenticated already.");
		}
	}

	private static void checkUsable(StoredCode stored, Instant now) {
		String why = null;
		if (stored == null) {
			why = "No one-time code was issued for this interaction";
		}
		else if (stored.used()) {
			why = "The one-time code was used already";
		}
		else if (stored.remainingAttempts() == 0) {
			why = "The one-time code was tried wrongly too often";
		}
		else if (!now.isBefore(stored.expiresAt())) {
			why = "The one-time code expired at " + stored.expiresAt();
		}
		if (why != null) {
			throw new ApiProblemException(ProblemType.AUTHENTICATION_CODE_GONE,
					why + "; ask the agent for a new code.");
		}
	}

	/**
	 * How the partner was authenticated, for the track record: the entry itself says who
	 * and when.
	 */
	private static List<FieldChange> details(AuthenticationMethod method, String partyId, String codeIssuedBy) {
		List<FieldChange> details = new ArrayList<>();
		details.add(new FieldChange("authenticationMethod", null, method.value()));
		if (partyId != null) {
			details.add(new FieldChange("authenticatedParty", null, partyId));
		}
		if (codeIssuedBy != null) {
			details.add(new FieldChange("authenticationCodeIssuedBy", null, codeIssuedBy));
		}
		return details;
	}

	private static InteractionAuthentication outcome(PartyInteraction after, AuthenticationMethod method,
			Caller current, Instant now, boolean partyAdded) {
		return new InteractionAuthentication(after.id(), after.href(), AuthenticationLevel.AUTHENTICATED, method,
				current.subject(), now, current.isPartner() ? current.partyId() : null, partyAdded);
	}

	private static UUID idOf(String id) {
		return ApiResponses.parseId(id).orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
	}

	/** A code attempt: the authentication it made, or how many attempts remain. */
	private record CodeAttempt(InteractionAuthentication authentication, int remainingAttempts) {

		static CodeAttempt wrong(int remaining) {
			return new CodeAttempt(null, remaining);
		}

		static CodeAttempt right(InteractionAuthentication authentication) {
			return new CodeAttempt(authentication, 0);
		}

	}

}
