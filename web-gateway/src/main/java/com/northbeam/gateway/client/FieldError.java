package com.northbeam.gateway.client;

/** One field a service refused, as the service names it, and why. */
public record FieldError(String field, String message) {
}
