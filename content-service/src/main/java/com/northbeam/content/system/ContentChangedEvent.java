package com.northbeam.content.system;

/**
 * Published to say that content was written; cached public responses are dropped after
 * commit.
 */
public record ContentChangedEvent(String what) {
}
