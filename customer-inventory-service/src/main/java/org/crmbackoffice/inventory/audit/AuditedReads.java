package org.crmbackoffice.inventory.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.v4.CustomerV4;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.support.web.ApiResponses;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records reads by what leaves the service: every customer record in the answer to a
 * {@code GET}, whichever endpoint produced it (one record, a list page or a search),
 * every agreement as a read of its customer's record, and every individual or
 * organization as a read of that party. Recording the answer rather than the code paths
 * that fetch records means a new way to read customers is audited without touching it,
 * and a record fetched but not returned (a 404, an internal lookup) is not counted as
 * read. Answers to writes carry the record back to its writer, whose write is recorded
 * instead. The answer leaves only once the entries of its reads are committed
 * ({@link ReadRecorder}).
 */
@ControllerAdvice
class AuditedReads implements ResponseBodyAdvice<Object> {

	private final AuditTrail trail;

	AuditedReads(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body == null || !HttpMethod.GET.equals(request.getMethod())) {
			return body;
		}
		boolean list = body instanceof Collection<?>;
		Collection<?> items = list ? (Collection<?>) body : List.of(body);
		List<AuditTrail.Read> customers = new ArrayList<>();
		List<AuditTrail.Read> agreements = new ArrayList<>();
		List<AuditTrail.Read> parties = new ArrayList<>();
		for (Object item : items) {
			readOf(item, Customer.TYPE).ifPresent(customers::add);
			readOf(item, Agreement.TYPE).ifPresent(agreements::add);
			partyReadOf(item).ifPresent(parties::add);
		}
		// Waits for the entries to commit: the body is written only after this returns.
		this.trail.recordReads(Map.of(list ? AuditTrail.CUSTOMER_LIST : AuditTrail.CUSTOMER_READ, customers,
				list ? AuditTrail.AGREEMENT_LIST : AuditTrail.AGREEMENT_READ, agreements,
				list ? AuditTrail.PARTY_LIST : AuditTrail.PARTY_READ, parties));
		return body;
	}

	/**
	 * Items come as wire records or, with an attribute selection, as JSON that keeps at
	 * least {@code id} and {@code @type}.
	 */
	private static Optional<AuditTrail.Read> readOf(Object item, String type) {
		if (type.equals(Customer.TYPE) && item instanceof Customer customer) {
			return ApiResponses.parseId(customer.id()).map((id) -> new AuditTrail.Read(id, null));
		}
		if (type.equals(Customer.TYPE) && item instanceof CustomerV4 customer) {
			return ApiResponses.parseId(customer.id()).map((id) -> new AuditTrail.Read(id, null));
		}
		if (type.equals(Agreement.TYPE) && item instanceof Agreement agreement) {
			return customerOf(agreement).map((id) -> new AuditTrail.Read(id, Agreement.TYPE + "/" + agreement.id()));
		}
		if (type.equals(Customer.TYPE) && item instanceof JsonNode node
				&& node.path("@type").asString("").equals(Customer.TYPE)) {
			return ApiResponses.parseId(node.path("id").asString("")).map((id) -> new AuditTrail.Read(id, null));
		}
		return Optional.empty();
	}

	/** A party is a record of its own in the trail, whichever customers engage it. */
	private static Optional<AuditTrail.Read> partyReadOf(Object item) {
		String id = null;
		if (item instanceof Party party) {
			id = party.id();
		}
		else if (item instanceof JsonNode node
				&& Set.of(Individual.TYPE, Organization.TYPE).contains(node.path("@type").asString(""))) {
			id = node.path("id").asString("");
		}
		return (id != null) ? ApiResponses.parseId(id).map((party) -> new AuditTrail.Read(party, null))
				: Optional.empty();
	}

	private static Optional<UUID> customerOf(Agreement agreement) {
		if (agreement.engagedParty() == null) {
			return Optional.empty();
		}
		return agreement.engagedParty()
			.stream()
			.filter(RelatedParty::isCustomer)
			.findFirst()
			.flatMap((party) -> ApiResponses.parseId(party.partyOrPartyRole().id()));
	}

}
