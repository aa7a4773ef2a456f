/** Real infrastructure servers in a JVM: PostgreSQL (zonky binaries) and a KRaft Kafka broker. */
@NullMarked
package io.eventplatform.embedded;

import org.jspecify.annotations.NullMarked;
