package org.crmbackoffice.support.live;

import java.time.Duration;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

/** A stream that is not opened now, with when it is worth asking again. */
class StreamRefused extends ApiProblemException {

	private final Duration retryAfter;

	StreamRefused(ProblemType type, String detail, Duration retryAfter) {
		super(type, detail);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
