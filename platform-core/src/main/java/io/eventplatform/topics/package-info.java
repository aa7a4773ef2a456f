/** Reading whole Kafka topics on every instance, outside any consumer group. */
@NullMarked
package io.eventplatform.topics;

import org.jspecify.annotations.NullMarked;
