package org.crmbackoffice.support.web;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

/**
 * The optimistic locking of changes: a client names the version it read in
 * {@code If-Match}. The patch itself is applied by {@link MergePatcher}.
 */
public final class MergePatches {

	private MergePatches() {
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
