package io.eventplatform.room.realtime.web;

import io.eventplatform.contracts.api.Data;
import io.eventplatform.room.realtime.AppEvents;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/rooms/{roomId}/events}: an app's event, accepted for delivery to the room's live clients (202). */
@RestController
class AppEventsController {

    private final AppEvents events;

    AppEventsController(AppEvents events) {
        this.events = events;
    }

    @PostMapping("/api/v1/rooms/{roomId}/events")
    @ResponseStatus(HttpStatus.ACCEPTED) // what the OpenAPI document shows; the answer sets it
    ResponseEntity<Data<AppEvents.Published>> publish(Caller caller, @PathVariable String roomId,
                                                      @RequestBody Submitted<AppEventRequest> body) {
        AppEvents.Published published = events.publish(caller, roomId, body.map(AppEventRequest::command));
        return ResponseEntity.accepted().body(Data.of(published));
    }
}
