package org.crmbackoffice.support.web;

import jakarta.validation.Validator;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.UnreadableJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a client's JSON merge patch to the changeable part of a resource and checks the
 * result as strictly as a create would be checked.
 */
public final class MergePatches {

	private MergePatches() {
	}

	/**
	 * @param current the changeable part of the resource as it is
	 * @return the changeable part as the patch wants it, valid
	 * @throws ApiProblemException 400 when the patch is no JSON object, names an
	 * attribute the resource does not have, does not fit the type, or makes it invalid
	 */
	public static <T> T apply(T current, JsonNode patch, Class<T> type, JsonMapper json, Validator validator) {
		if (!patch.isObject()) {
			throw new ApiProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object.");
		}
		T patched;
		try {
			patched = ExtensionAttributes.bind(json, JsonMergePatch.apply(json.valueToTree(current), patch), type);
		}
		catch (JacksonException ex) {
			throw UnreadableJson.problem(ex);
		}
		RequestValidation.check(patched, validator, "The patched resource");
		return patched;
	}

	/**
	 * @throws ApiProblemException 412 when the client's {@code If-Match} names another
	 * version than the current one
	 */
	public static void checkVersion(long actual, Long expected) {
		if (expected != null && actual != expected) {
			throw new ApiProblemException(ProblemType.PRECONDITION_FAILED,
					"The resource has changed since version " + expected + " was read; it is at version " + actual
							+ " now. Read it again and repeat the change.");
		}
	}

}
