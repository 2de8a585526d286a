package org.crmbackoffice.support.problem;

/**
 * What is wrong with one part of a request, located by a JSON Pointer (RFC 6901) into the
 * request body, or by the name of a query or path parameter.
 */
public record FieldProblem(String pointer, String detail) {

	/**
	 * Turns a bean property path such as {@code relatedParty[0].role} into
	 * {@code /relatedParty/0/role}.
	 */
	public static FieldProblem atPropertyPath(String propertyPath, String detail) {
		String pointer = "/" + propertyPath.replace("[", "/").replace("]", "").replace('.', '/');
		return new FieldProblem(pointer, detail);
	}

}
