package com.northbeam.content.system;

/** One offending input field in a problem response. */
public record FieldError(String field, String message) {
}
