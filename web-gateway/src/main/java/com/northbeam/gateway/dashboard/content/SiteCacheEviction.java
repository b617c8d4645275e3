package com.northbeam.gateway.dashboard.content;

import com.northbeam.gateway.client.ContentEditingClient.ContentEdited;
import com.northbeam.gateway.site.SiteContent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An editor's change is on the public site at once: every saved edit drops this gateway's cached
 * copies of content (other replicas pick it up within {@code gateway.content-cache.refresh-after}).
 */
@Component
class SiteCacheEviction {

	private final SiteContent site;

	SiteCacheEviction(SiteContent site) {
		this.site = site;
	}

	@EventListener
	void contentEdited(ContentEdited edited) {
		site.evictAll();
	}

}
