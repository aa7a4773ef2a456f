package io.eventplatform.devstack;

import java.util.List;

/**
 * The database and role of each domain service. Each role owns its database and nothing else, cannot log in to
 * the others' databases, and is neither superuser nor allowed to create databases or roles. The compose init
 * script (infra/postgres/init) creates the same names.
 */
public record ServiceDatabases(String service, String database, String role) {

    public static final List<ServiceDatabases> ALL = List.of(
            new ServiceDatabases("identity-service", "identity", "identity_service"),
            new ServiceDatabases("room-service", "room", "room_service"),
            new ServiceDatabases("prize-service", "prize", "prize_service"));
}
