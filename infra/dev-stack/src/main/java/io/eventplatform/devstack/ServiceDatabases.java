package io.eventplatform.devstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Creates what is missing, leaves what exists: safe on every start. */
    static void provisionAll(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            for (ServiceDatabases service : ALL) {
                if (!exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", service.role())) {
                    statement.execute("CREATE ROLE " + service.role()
                            + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
                }
                if (!exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", service.database())) {
                    statement.execute("CREATE DATABASE " + service.database() + " OWNER " + service.role());
                }
                statement.execute("REVOKE ALL ON DATABASE " + service.database() + " FROM PUBLIC");
                statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + service.database() + " TO " + service.role());
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
