package org.crmbackoffice.model.customer;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What the customer inventory offers other services over HTTP. An unknown id answers 404,
 * which HTTP service clients raise as {@code HttpClientErrorException.NotFound}.
 */
@HttpExchange(url = CustomerApi.BASE_PATH, accept = MediaType.APPLICATION_JSON_VALUE)
public interface CustomerApi {

	String BASE_PATH = "/tmf-api/customerManagement/v5/customer";

	@GetExchange("/{id}")
	Customer retrieveCustomer(@PathVariable String id);

}
