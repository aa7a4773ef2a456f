package io.eventplatform.support.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Ends every other session on the reset database. A running service keeps server-side prepared statements whose
 * result types name the dropped enum types ({@code room_status}, {@code participant_role}); PostgreSQL refuses to
 * run them again ("cached plan must not change result type"), and inside a transaction the driver cannot retry.
 * Ended sessions are noticed by the service's pool when it next checks a connection out, and it opens new ones on
 * the new schema.
 */
final class OtherSessions {

    private OtherSessions() {
    }

    static String end(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet ended = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                     + "AND backend_type = 'client backend' AND pg_has_role(usesysid, 'MEMBER')")) {
            ended.next();
            return "other sessions on the database ended: " + ended.getLong(1);
        } catch (SQLException refused) {
            // a role that may not signal the running service's sessions: the service has to be restarted instead
            return "other sessions on the database could not be ended (" + refused.getMessage().strip()
                    + "): restart the running service";
        }
    }
}
