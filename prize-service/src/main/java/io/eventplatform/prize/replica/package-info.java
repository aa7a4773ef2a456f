/** prize-service's read-only copies of rooms, participants and users, fed by Kafka. */
@NullMarked
package io.eventplatform.prize.replica;

import org.jspecify.annotations.NullMarked;
