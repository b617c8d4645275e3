package com.northbeam.gateway.client;

/**
 * A service refused a call for a reason the call has no meaning for (for example the
 * gateway's token or a body too large); the request itself may still be good.
 */
public class ServiceRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	ServiceRefusedException(Refusal refusal) {
		super(refusal.getMessage(), refusal);
		this.status = refusal.getStatusCode().value();
	}

	public int status() {
		return status;
	}

}
