/** Read-only replicas of users, apps (every manifest version) and prizes, fed by Kafka. */
@NullMarked
package io.eventplatform.room.replica;

import org.jspecify.annotations.NullMarked;
