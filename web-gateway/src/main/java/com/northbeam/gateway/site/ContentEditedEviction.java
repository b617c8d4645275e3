package com.northbeam.gateway.site;

import com.northbeam.gateway.client.ContentEditingClient.ContentEdited;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An editor's change is on the public site at once: every saved edit drops this gateway's
 * cached content and rendered pages (other replicas catch up within
 * {@code gateway.content-cache.refresh-after}).
 */
@Component
class ContentEditedEviction {

	private final SiteContent content;

	private final RenderedPageCache renderedPages;

	ContentEditedEviction(SiteContent content, RenderedPageCache renderedPages) {
		this.content = content;
		this.renderedPages = renderedPages;
	}

	@EventListener
	void contentEdited(ContentEdited edited) {
		content.evictAll();
		renderedPages.evictAll();
	}

}
