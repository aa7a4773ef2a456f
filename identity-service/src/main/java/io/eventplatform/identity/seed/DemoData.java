package io.eventplatform.identity.seed;

import io.eventplatform.identity.app.AppRegistry;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.seed.DemoDataLoader;
import io.eventplatform.support.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service's part of the demo: five users (one platform admin; the others take every room role in
 * room-service's demo) and the Holiday Lottery and Who's First?
 * quiz apps, created through the service's own code (so events are published as for any other change). Running
 * it again changes nothing.
 */
@Component
public class DemoData implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final List<String[]> USERS = List.of(
            new String[] {"admin@example.com", "Alex Admin"},
            new String[] {"olivia@example.com", "Olivia Organizer"},
            new String[] {"pat@example.com", "Pat Participant"},
            new String[] {"mo@example.com", "Mo Moderator"},
            new String[] {"vic@example.com", "Vic Viewer"});
    static final List<String> APPS = List.of("app_lottery_v1", "app_quiz_v1");

    private final UserAccounts users;
    private final AppRegistry apps;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoData(UserAccounts users, AppRegistry apps) {
        this.users = users;
        this.apps = apps;
    }

    /** Loads what is missing; returns a line for each app it created, with its one-time secret. */
    @Override
    public List<String> load() {
        for (String[] user : USERS) {
            users.logIn(user[0], user[1], "dev", user[0]);
        }
        List<String> created = new ArrayList<>();
        for (String appId : APPS) {
            try {
                apps.find(appId);
            } catch (ApiException missing) {
                AppRegistry.Registered registered = apps.register(Submitted.of(new AppRegistry.NewApp(appId, manifest(appId))));
                created.add("created app (secret shown once): " + appId + " " + registered.secret());
            }
        }
        log.info("Demo data: {} users, {} apps ({} created now)", USERS.size(), APPS.size(), created.size());
        return created;
    }

    JsonNode manifest(String appId) {
        try (InputStream in = new ClassPathResource("seed/" + appId + ".json").getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
