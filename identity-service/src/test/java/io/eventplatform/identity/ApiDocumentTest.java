package io.eventplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's OpenAPI document: public, generated from the controllers, with the platform's token and errors. */
@IdentityApiTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentIsPublicAndSaysWhichCallsNeedATokenAndWhichErrorsEachCanGive() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        JsonNode paths = document.get("paths");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0/bearer").isArray()).isTrue();

        JsonNode providers = paths.at("/~1api~1v1~1auth~1providers/get");
        assertThat(providers.get("security")).as("a public call needs no token").isEmpty();
        assertThat(providers.at("/responses/401").isMissingNode()).isTrue();

        JsonNode user = paths.at("/~1api~1v1~1users~1{userId}/patch");
        assertThat(user.get("security")).as("the document's own requirement applies").isNull();
        assertThat(user.get("responses").propertyNames()).contains("200", "401", "403", "404", "422", "429", "503");
        assertThat(user.at("/responses/422/content/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/Error");
        assertThat(user.at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(document.at("/components/schemas/Error/properties/error/properties/code/enum").toString())
                .contains("VALIDATION_ERROR", "RATE_LIMIT_EXCEEDED");
    }
}
