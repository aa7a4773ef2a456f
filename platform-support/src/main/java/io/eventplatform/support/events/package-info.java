/**
 * Reliable events between services: transactional outbox and relay, idempotent consumers, version-guarded
 * replicas, retries with dead-letter topics, topic creation. How to add an event type: docs/events.md.
 */
@NullMarked
package io.eventplatform.support.events;

import org.jspecify.annotations.NullMarked;
