package org.crmbackoffice.support.web;

import jakarta.validation.Validator;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.UnreadableJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a client's JSON merge patch (RFC 7386) to the changeable part of a resource and
 * checks the result as strictly as a create would be checked.
 */
public class MergePatcher {

	private final JsonMapper json;

	private final Validator validator;

	public MergePatcher(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/**
	 * @param current the changeable part of the resource as it is
	 * @return the changeable part as the patch wants it, valid
	 * @throws ApiProblemException 400 when the patch is no JSON object, names an
	 * attribute the resource does not have, does not fit the type, or makes it invalid
	 */
	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (!patch.isObject()) {
			throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object.");
		}
		T patched;
		try {
			patched = ExtensionAttributes.bind(this.json, JsonMergePatch.apply(this.json.valueToTree(current), patch),
					type);
		}
		catch (JacksonException ex) {
			throw UnreadableJson.problem(ex);
		}
		RequestValidation.check(patched, this.validator, "The patched resource");
		return patched;
	}

}
