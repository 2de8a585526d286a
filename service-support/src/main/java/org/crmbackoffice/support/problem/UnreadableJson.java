package org.crmbackoffice.support.problem;

import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with JSON a client sent that cannot be read, in the client's terms:
 * where in its document, never the Java types or methods that Jackson's messages name.
 */
public final class UnreadableJson {

	private UnreadableJson() {
	}

	/**
	 * @param failure why Jackson could not read the document, or {@code null} when there
	 * was no document
	 */
	public static ApiProblemException problem(JacksonException failure) {
		if (failure != null && !failure.getPath().isEmpty()) {
			String pointer = pointerOf(failure.getPath());
			if (failure instanceof UnrecognizedPropertyException) {
				return new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The request has an attribute this "
						+ "resource does not have: " + pointer + ". Check its spelling; attributes that extend a TMF "
						+ "resource need an @schemaLocation on their object that names the schema defining them.",
						List.of(new FieldProblem(pointer, "not an attribute of this resource")), failure);
			}
			return new ApiProblemException(ProblemType.MALFORMED_REQUEST,
					"The value at " + pointer + " is not of the kind this attribute takes; see errors.",
					List.of(new FieldProblem(pointer, "not of the kind this attribute takes")), failure);
		}
		TokenStreamLocation location = (failure != null) ? failure.getLocation() : null;
		if (failure instanceof StreamReadException && location != null && location.getLineNr() > 0) {
			return new ApiProblemException(ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON "
					+ "(line " + location.getLineNr() + ", column " + location.getColumnNr() + ").", List.of(),
					failure);
		}
		return new ApiProblemException(ProblemType.MALFORMED_REQUEST,
				"The request body is missing, or is not the JSON object this resource takes.", List.of(), failure);
	}

	private static String pointerOf(List<JacksonException.Reference> path) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference step : path) {
			pointer.append('/');
			pointer.append((step.getPropertyName() != null)
					? step.getPropertyName().replace("~", "~0").replace("/", "~1") : String.valueOf(step.getIndex()));
		}
		return pointer.toString();
	}

}
