/** The app catalog: the apps and every manifest version room-service knows from identity-service, and the check of a room's settings against one. */
@NullMarked
package io.eventplatform.room.app;

import org.jspecify.annotations.NullMarked;
