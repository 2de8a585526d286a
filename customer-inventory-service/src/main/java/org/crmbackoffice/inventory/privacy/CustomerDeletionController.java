package org.crmbackoffice.inventory.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crmbackoffice.model.customer.CustomerApi;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** TMF629's DELETE of a customer, which in this inventory is the customer's erasure. */
@RestController
@Tag(name = "customer", description = "TMF629 customer records")
class CustomerDeletionController {

	private final CustomerPrivacy privacy;

	CustomerDeletionController(CustomerPrivacy privacy) {
		this.privacy = privacy;
	}

	@DeleteMapping({ CustomerApi.BASE_PATH + "/{id}", "/tmf-api/customerManagement/v4/customer/{id}" })
	@Operation(summary = "Deletes a customer: erases it and takes it off the API", description = """
			The customer is erased as by POST /inventory/v1/customer/{id}/erasure (here and in the interaction log; \\
			409 while an agreement is in force; 503 while the interaction service cannot be asked) and answers 404 \\
			from then on; a CustomerDeleteEvent is published. Its record, agreements, audit trail and privacy \\
			requests stay. Needs the erase permission.""")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.privacy.delete(id);
		return ResponseEntity.noContent().build();
	}

}
