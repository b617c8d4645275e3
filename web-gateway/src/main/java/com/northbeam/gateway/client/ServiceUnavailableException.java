package com.northbeam.gateway.client;

import com.northbeam.gateway.system.UpstreamUnavailableException;

/**
 * A service could not answer in time, answered with a server error, or its circuit is
 * open.
 */
public class ServiceUnavailableException extends UpstreamUnavailableException {

	private static final long serialVersionUID = 1L;

	private final String service;

	ServiceUnavailableException(String service, Throwable cause) {
		super(service + " is unavailable: " + cause.getMessage(), cause);
		this.service = service;
	}

	public String service() {
		return service;
	}

	@Override
	public String upstream() {
		return service;
	}

}
