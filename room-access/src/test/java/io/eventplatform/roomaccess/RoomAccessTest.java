package io.eventplatform.roomaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision itself, without a service around it: visibility first, then the user's role, then the app. */
class RoomAccessTest {

    static final RoomAccess.Room PRIVATE_OF_LOTTERY = new RoomAccess.Room("app_lottery", false, null);
    static final RoomAccess.Room PUBLIC_OF_LOTTERY = new RoomAccess.Room("app_lottery", true, null);

    @Test
    void aPrivateRoomDoesNotExistForOutsidersNorForOtherApps() {
        assertThat(code(Caller.user("usr_eve", false), PRIVATE_OF_LOTTERY, RoomAction.READ_ROOM)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(Caller.app("app_quiz", Set.of("rooms:read")), PRIVATE_OF_LOTTERY, RoomAction.READ_ROOM))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThatCode(() -> RoomAccess.require(Caller.user("usr_root", true), PRIVATE_OF_LOTTERY, RoomAction.DELETE_ROOM))
                .doesNotThrowAnyException();
        assertThatCode(() -> RoomAccess.require(Caller.app("app_lottery", Set.of("rooms:read")), PRIVATE_OF_LOTTERY,
                RoomAction.READ_ROOM)).doesNotThrowAnyException();
    }

    @Test
    void aRoleMayOnlyWhatTheTableSays() {
        RoomAccess.Room asModerator = new RoomAccess.Room("app_lottery", true, RoomRole.MODERATOR);
        Caller mod = Caller.user("usr_mod", false);

        assertThatCode(() -> RoomAccess.require(mod, asModerator, RoomAction.MANAGE_PARTICIPANTS)).doesNotThrowAnyException();
        ApiException denied = catchThrowableOfType(ApiException.class,
                () -> RoomAccess.require(mod, asModerator, RoomAction.GRANT_MODERATOR));
        assertThat(denied.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(denied.details()).containsEntry("role", "moderator");
    }

    @Test
    void anAppActsOnlyOnItsOwnRoomsWithinItsPermissions() {
        Caller lottery = Caller.app("app_lottery", Set.of("prizes:write"));
        Caller quiz = Caller.app("app_quiz", Set.of("prizes:write"));

        assertThatCode(() -> RoomAccess.require(lottery, PUBLIC_OF_LOTTERY, RoomAction.WRITE_PRIZES)).doesNotThrowAnyException();
        ApiException other = catchThrowableOfType(ApiException.class,
                () -> RoomAccess.require(quiz, PUBLIC_OF_LOTTERY, RoomAction.WRITE_PRIZES));
        assertThat(other.code()).isEqualTo(ErrorCode.APP_PERMISSION_DENIED);
        assertThat(other.details()).containsEntry("appId", "app_quiz").containsEntry("required", "prizes:write");
        assertThat(code(lottery, PUBLIC_OF_LOTTERY, RoomAction.SELECT_WINNERS)).isEqualTo(ErrorCode.APP_PERMISSION_DENIED);
        assertThat(code(lottery, PUBLIC_OF_LOTTERY, RoomAction.DELETE_ROOM)).isEqualTo(ErrorCode.APP_PERMISSION_DENIED);
    }

    @Test
    void aUserThroughAnAppNeedsBoth() {
        RoomAccess.Room asOrganizer = new RoomAccess.Room("app_lottery", true, RoomRole.ORGANIZER);
        RoomAccess.Room asViewer = new RoomAccess.Room("app_lottery", true, RoomRole.VIEWER);
        Caller through = new Caller("usr_ada", false, "app_lottery", Set.of("rooms:write"));

        assertThatCode(() -> RoomAccess.require(through, asOrganizer, RoomAction.UPDATE_ROOM)).doesNotThrowAnyException();
        assertThat(code(through, asViewer, RoomAction.UPDATE_ROOM)).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(code(through, asOrganizer, RoomAction.WRITE_PRIZES)).isEqualTo(ErrorCode.APP_PERMISSION_DENIED);
    }

    private static ErrorCode code(Caller caller, RoomAccess.Room room, RoomAction action) {
        return catchThrowableOfType(ApiException.class, () -> RoomAccess.require(caller, room, action)).code();
    }
}
