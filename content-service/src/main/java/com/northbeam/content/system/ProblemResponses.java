package com.northbeam.content.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is {@code application/problem+json}; input errors carry an {@code errors}
 * list of {@code {field, message}} naming each offending field.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", ex.errors());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = withErrors(HttpStatus.CONFLICT, ex.getMessage(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
				List.of(new FieldError(ex.getName(), "must be a valid " + simpleName(ex.getRequiredType()))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return problem(withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldError(
						Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "parameter"),
						error.getDefaultMessage()))));
		return problem(withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = jsonCause(ex);
		if (json != null) {
			String field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String message = (json instanceof UnrecognizedPropertyException) ? "is not a known field"
					: "has a value of the wrong type or format";
			return problem(withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
					List.of(new FieldError(field, message))));
		}
		return problem(withErrors(HttpStatus.BAD_REQUEST, "The request body is not readable JSON.",
				List.of(new FieldError("body", "is not readable JSON"))));
	}

	/** The outermost JSON error that knows where in the document it happened. */
	private static JacksonException jsonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				return json;
			}
		}
		return null;
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ProblemDetail withErrors(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String simpleName(Class<?> type) {
		return (type != null) ? type.getSimpleName().toLowerCase(java.util.Locale.ROOT) : "value";
	}

}
