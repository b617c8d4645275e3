package com.northbeam.gateway.system;

/**
 * Something a page needs from elsewhere could not be had: shown as the site's 503 page.
 * The clients' exceptions extend it, so {@code system/} handles them without knowing the
 * clients.
 */
public abstract class UpstreamUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected UpstreamUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * What could not be had, as the page names it: {@code content-service} or
	 * {@code assessment-service}.
	 */
	public abstract String upstream();

}
