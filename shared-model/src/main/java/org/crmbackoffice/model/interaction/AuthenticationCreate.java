package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.Pattern;

/**
 * A request to authenticate the partner of an interaction. A partner proves itself with
 * its own token ({@code partner-token}, the default without a code) or with the one-time
 * code an agent gave it ({@code one-time-code} with {@code code}, the default with one);
 * an agent records the check it made and names its method.
 *
 * @param method how the partner proved who it is; a partner may leave it out
 * @param code the one-time code, digits only; only from a partner
 */
public record AuthenticationCreate(AuthenticationMethod method,
		@Pattern(regexp = "[0-9]{6,12}", message = "must be the digits of the code") String code) {

}
