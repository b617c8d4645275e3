package com.northbeam.gateway.assessment;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The public JSON API refuses what it cannot read (malformed or deeply nested JSON, a
 * content type it does not take, an id that is no UUID) as
 * {@code application/problem+json}, like every other refusal of the API; the pages keep
 * their error pages.
 */
@RestControllerAdvice(assignableTypes = AssessmentApiController.class)
class AssessmentApiProblems extends ResponseEntityExceptionHandler {

}
