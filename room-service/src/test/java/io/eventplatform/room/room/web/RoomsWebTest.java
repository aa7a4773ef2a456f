package io.eventplatform.room.room.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomMother;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.testing.WebSliceSupport;
import io.eventplatform.testing.BadTokens;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /api/v1/rooms} as HTTP: what a request becomes for {@link RoomService}, and what its answer looks like. */
@WebMvcTest(RoomsController.class)
class RoomsWebTest extends WebSliceSupport {

    @MockitoBean
    RoomService rooms;

    @Test
    void aRoomIsOneFlatObjectWithItsAppItsCountsAndTheCallersRole() {
        when(rooms.get(any(), eq("room_1"))).thenReturn(RoomMother.anOverviewForItsOrganizer());

        MvcTestResult result = mvc.get().uri("/api/v1/rooms/room_1").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada")).exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"data": {"id": "room_1", "name": "Party", "description": "Raffle", "appId": "app_lottery",
                          "appSettings": {}, "appManifestVersion": "1.0.0", "status": "draft", "isPublic": true,
                          "createdBy": "usr_ada", "createdAt": "2026-12-01T18:00:00.000Z",
                          "updatedAt": "2026-12-01T18:05:00.000Z",
                          "app": {"appId": "app_lottery", "name": "Holiday Lottery", "version": "1.0.0",
                                  "baseUrl": "https://lottery.example"},
                          "participantCount": 12, "prizeCount": 2, "myRole": "organizer"}}""");
        assertThat(result).bodyJson().extractingPath("$.data").asMap()
                .as("no storage detail leaks: version, deletedAt").doesNotContainKeys("version", "deletedAt", "room", "counts");
        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        verify(rooms).get(caller.capture(), eq("room_1"));
        assertThat(caller.getValue()).isEqualTo(Caller.user("usr_ada", false));
    }

    @Test
    void aMergePatchTellsAnAbsentPropertyFromAClearedOneAndFromAValue() {
        when(rooms.update(any(), eq("room_1"), any())).thenReturn(RoomMother.anOverviewForItsOrganizer());

        MvcTestResult result = mvc.patch().uri("/api/v1/rooms/room_1").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"New name\",\"description\":null,\"status\":\"active\"}").exchange();

        assertThat(result).hasStatusOk();
        Room.Update update = submittedUpdate().valid();
        assertThat(update.name().value()).isEqualTo("New name");
        assertThat(update.description().isCleared()).isTrue();
        assertThat(update.appSettings().isPresent()).isFalse();
        assertThat(update.isPublic().isPresent()).isFalse();
        assertThat(update.status().value()).isEqualTo(RoomStatus.ACTIVE);
    }

    @Test
    void whatDoesNotFitTheBodyReachesTheServiceAtItsFieldPathsAndIsAnsweredAsOne422() {
        when(rooms.update(any(), eq("room_1"), any())).thenAnswer(call -> call.<Submitted<?>>getArgument(2).valid());

        MvcTestResult result = mvc.patch().uri("/api/v1/rooms/room_1").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":null,\"isPublic\":\"yes\",\"status\":\"sleeping\",\"colour\":\"red\",\"appSettings\":[1]}")
                .exchange();

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.error.code").isEqualTo("VALIDATION_ERROR");
        assertThat(result).bodyJson().extractingPath("$.error.details.fields").asMap()
                .containsOnlyKeys("name", "isPublic", "status", "colour", "appSettings");
    }

    @Test
    void aBodyThatIsNotUsableTextOrNotJsonNeverReachesTheService() {
        MvcTestResult nul = mvc.post().uri("/api/v1/rooms").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\\u0000b\",\"appId\":\"app_lottery\"}").exchange();
        MvcTestResult broken = mvc.post().uri("/api/v1/rooms").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":").exchange();
        MvcTestResult notJson = mvc.post().uri("/api/v1/rooms").header(HttpHeaders.AUTHORIZATION, bearer("usr_ada"))
                .contentType(MediaType.TEXT_PLAIN).content("name=Party").exchange();

        assertThat(nul).hasStatus(422).bodyJson().extractingPath("$.error.details.fields.body").asArray().hasSize(1);
        assertThat(broken).hasStatus(400).bodyJson().extractingPath("$.error.code").isEqualTo("BAD_REQUEST");
        assertThat(notJson).hasStatus(415).bodyJson().extractingPath("$.error.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        verifyNoInteractions(rooms);
    }

    @Test
    void everyBadTokenIs401WithTheEnvelopeAndNeverReachesTheService() {
        BadTokens.all(TOKENS).forEach((what, token) -> {
            var request = mvc.post().uri("/api/v1/rooms").contentType(MediaType.APPLICATION_JSON).content("{}");
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            MvcTestResult result = request.exchange();

            assertThat(result).as(what).hasStatus(401).bodyJson().extractingPath("$.error.code").isEqualTo("UNAUTHORIZED");
            assertThat(result).as(what).headers().containsHeader("X-Request-Id");
        });
        verifyNoInteractions(rooms);
    }

    @SuppressWarnings("unchecked")
    private Submitted<Room.Update> submittedUpdate() {
        ArgumentCaptor<Submitted<Room.Update>> submitted = ArgumentCaptor.forClass(Submitted.class);
        verify(rooms).update(any(), eq("room_1"), submitted.capture());
        return submitted.getValue();
    }
}
