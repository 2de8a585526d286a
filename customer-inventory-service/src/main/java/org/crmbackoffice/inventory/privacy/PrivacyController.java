package org.crmbackoffice.inventory.privacy;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmbackoffice.inventory.privacy.CustomerPrivacy.CustomerDataExport;
import org.crmbackoffice.inventory.privacy.CustomerPrivacy.ErasureReceipt;
import org.crmbackoffice.inventory.privacy.PrivacyRequests.PrivacyRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = PrivacyController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "privacy", description = "GDPR rights of customers: download and erasure")
class PrivacyController {

	static final String BASE_PATH = "/inventory/v1/customer/{id}";

	private final CustomerPrivacy privacy;

	PrivacyController(CustomerPrivacy privacy) {
		this.privacy = privacy;
	}

	@GetMapping("/export")
	@Operation(operationId = "exportCustomerData",
			summary = "Downloads everything held about a customer as one JSON document",
			description = "The customer record, its agreements and its interactions from the interaction service "
					+ "(503 if that service cannot be asked: a download is never partial). Recorded.")
	ResponseEntity<CustomerDataExport> export(@PathVariable String id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("customer-" + id + ".json").build().toString())
			.body(this.privacy.export(id));
	}

	@PostMapping("/erasure")
	@Operation(operationId = "eraseCustomer",
			summary = "Erases a customer: anonymises it here and in the interaction log",
			description = "The record and its agreements stay, with the customer as a pseudonym and its personal data "
					+ "dropped; the customer is closed for good. Refused (409) while an agreement is in force. "
					+ "Repeating it is harmless. Recorded.")
	ErasureReceipt erase(@PathVariable String id) {
		return this.privacy.erase(id);
	}

	@GetMapping("/privacyRequest")
	@Operation(operationId = "listPrivacyRequests",
			summary = "Lists the downloads and erasures served for a customer, oldest first")
	List<PrivacyRequest> requests(@PathVariable String id) {
		return this.privacy.requestsOf(id);
	}

}
