package com.northbeam.gateway.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the gateway's public signing keys so the services can verify its tokens. */
@RestController
class JwkSetController {

	private final ServiceTokens tokens;

	JwkSetController(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping(path = "/oauth2/jwks", produces = "application/jwk-set+json")
	ResponseEntity<Map<String, Object>> jwkSet() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(tokens.publicKeySet());
	}

}
