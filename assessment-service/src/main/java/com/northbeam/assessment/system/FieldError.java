package com.northbeam.assessment.system;

/**
 * One offending input field, named by its path in the request body (for example
 * {@code contact.email}).
 */
public record FieldError(String field, String message) {
}
