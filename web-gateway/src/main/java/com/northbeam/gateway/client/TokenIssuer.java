package com.northbeam.gateway.client;

import java.util.Collection;

/** Issues the token for one call; the application uses {@code ServiceTokens::issue}. */
@FunctionalInterface
interface TokenIssuer {

	String issue(String audience, String subject, Collection<String> scopes);

}
