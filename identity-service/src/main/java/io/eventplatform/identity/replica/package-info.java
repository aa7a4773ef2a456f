/** Read-only replicas of other services' data, fed by Kafka. */
@NullMarked
package io.eventplatform.identity.replica;

import org.jspecify.annotations.NullMarked;
