package org.crmbackoffice.support.problem;

import java.util.List;

import javax.sql.DataSource;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.crmbackoffice.model.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into problem responses. Spring MVC's own exceptions
 * (unknown path, wrong method, unsupported content type, unreadable body, failed
 * validation) keep the status Spring chooses and get the matching {@link ProblemType};
 * service code raises {@link ApiProblemException}; anything else is an internal error
 * whose details stay in the log.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	private final ObjectProvider<DataSource> dataSource;

	ProblemResponses(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	@ExceptionHandler(ApiProblemException.class)
	ResponseEntity<ProblemDetail> handleApiProblem(ApiProblemException ex) {
		if (ex.type().status() >= 500) {
			log.warn("{}: {}", ex.type().title(), ex.getMessage(), ex.getCause());
		}
		ProblemDetail problem = Problems.of(ex.type(), ex.getMessage(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.type().status()).body(problem);
	}

	/**
	 * Raised inside a handler, e.g. when no caller is authenticated; the filter chain's
	 * own refusals never get here.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
		ProblemDetail problem = Problems.of(ProblemType.FORBIDDEN, "Your roles do not allow this request.");
		return ResponseEntity.status(ProblemType.FORBIDDEN.status())
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
			.body(problem);
	}

	/**
	 * Two writers changed the same record at once; the loser learns it must read again.
	 */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> handleConcurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = Problems.of(ProblemType.PRECONDITION_FAILED,
				"The resource was changed by someone else meanwhile. Read it again and repeat the change.");
		return ResponseEntity.status(ProblemType.PRECONDITION_FAILED.status()).body(problem);
	}

	/**
	 * Tomcat decodes the query string only when the application first asks for a
	 * parameter.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> handleUndecodableQuery(InvalidParameterException ex) {
		ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST, "The query string is not well-formed: a "
				+ "'%' must be followed by two hexadecimal digits that encode UTF-8.");
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A failure of the database or its connection: while the database is down, restarting
	 * or out of connections, nothing the client did wrong and worth trying again once it
	 * is back, which the pool's connection timeout keeps from taking long to learn. Any
	 * other database failure is a fault of the service.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> handleDatabaseFailure(Exception ex) {
		if (!DatabaseFailures.isUnreachable(ex) && DatabaseFailures.answers(this.dataSource.getIfAvailable())) {
			return handleUnexpected(ex);
		}
		log.warn("The database cannot be reached: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(ProblemType.DATABASE_UNAVAILABLE,
				"The service cannot reach its database right now. Try again in a few seconds.");
		return ResponseEntity.status(ProblemType.DATABASE_UNAVAILABLE.status())
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		ProblemDetail problem = Problems.of(ProblemType.INTERNAL_ERROR,
				"The request failed unexpectedly. Quote the requestId when reporting it.");
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> (error instanceof FieldError fieldError)
					? FieldProblem.atPropertyPath(fieldError.getField(), fieldError.getDefaultMessage())
					: new FieldProblem("/", error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST,
				"The request body has " + errors.size() + " invalid value(s); see errors.", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST,
				"The request has " + errors.size() + " invalid parameter(s); see errors.", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * A query parameter or path variable that cannot be read as its type: named in
	 * errors[] like others.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value";
		ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST,
				"The request has 1 invalid parameter(s); see errors.",
				List.of(new FieldProblem(name, "cannot be read as a " + type)));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ApiProblemException unreadable = UnreadableJson
			.problem((ex.getMostSpecificCause() instanceof JacksonException jackson) ? jackson : null);
		ProblemDetail problem = Problems.of(unreadable.type(), unreadable.getMessage(), unreadable.errors());
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Gives the problems Spring MVC builds itself (405, 406, 415, 404 ...) our types,
	 * titles and request id.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || !problem.getType().toString().startsWith(ProblemType.TYPE_PREFIX))) {
			ProblemDetail typed = Problems.of(Problems.forStatus(status.value()), problem.getDetail());
			return super.createResponseEntity(typed, headers, status, request);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

}
