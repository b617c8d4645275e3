package com.northbeam.gateway.client;

/**
 * Someone saved the article or FAQ after the editor loaded it: the edit was not applied.
 * {@link #currentVersion()} is the version now stored, when content-service said so.
 */
public class StaleContentException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Integer currentVersion;

	public StaleContentException(String message, Integer currentVersion) {
		super(message);
		this.currentVersion = currentVersion;
	}

	public Integer currentVersion() {
		return currentVersion;
	}

}
