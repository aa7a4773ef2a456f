package io.eventplatform.identity.app;

import io.eventplatform.support.validation.SemVer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each manifest rule of docs/api.md, broken on its own, reported at its field path. */
class ManifestValidatorTest {

    static final JsonMapper json = JsonMapper.builder().build();
    final ManifestValidator validator = new ManifestValidator();

    @Test
    void aRealisticManifestIsValid() {
        assertThat(validator.validate(Manifests.lottery(), "manifest")).isEmpty();
    }

    static Arguments broken(String name, String path, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, path, breakIt);
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                broken("no meta", "manifest.meta", m -> m.remove("meta")),
                broken("empty name", "manifest.meta.name", m -> meta(m).put("name", "")),
                broken("name over 100", "manifest.meta.name", m -> meta(m).put("name", "x".repeat(101))),
                broken("not semver", "manifest.meta.version", m -> meta(m).put("version", "1.0")),
                broken("leading zero", "manifest.meta.version", m -> meta(m).put("version", "01.0.0")),
                broken("no description", "manifest.meta.description", m -> meta(m).remove("description")),
                broken("description over 500", "manifest.meta.description", m -> meta(m).put("description", "x".repeat(501))),
                broken("homepage not a URL", "manifest.meta.homepage", m -> meta(m).put("homepage", "lottery")),
                broken("icon with a script scheme", "manifest.meta.icon", m -> meta(m).put("icon", "javascript:alert(1)")),
                broken("plain http base URL", "manifest.baseUrl", m -> m.put("baseUrl", "http://lottery.example.com")),
                broken("no base URL", "manifest.baseUrl", m -> m.remove("baseUrl")),
                broken("unknown capability", "manifest.capabilities[2]", m -> ((ArrayNode) m.get("capabilities")).add("teleport")),
                broken("unknown permission", "manifest.permissions[4]", m -> ((ArrayNode) m.get("permissions")).add("root")),
                broken("no permissions", "manifest.permissions", m -> m.putArray("permissions")),
                broken("capability without its permission", "manifest.permissions",
                        m -> ((ArrayNode) m.get("capabilities")).add("roomSettings")),
                broken("capability without its webhook", "manifest.webhooks.winnerSelection",
                        m -> ((ObjectNode) m.get("webhooks")).remove("winnerSelection")),
                broken("webhook not a path", "manifest.webhooks.winnerSelection",
                        m -> ((ObjectNode) m.get("webhooks")).put("winnerSelection", "https://evil.example.com/x")),
                broken("settings not a schema", "manifest.settings.type", m -> ((ObjectNode) m.get("settings")).put("type", "banana")),
                broken("settings minimum of the wrong type", "manifest.settings.properties.ticketCount.minimum",
                        m -> ((ObjectNode) m.get("settings").get("properties").get("ticketCount")).put("minimum", "one")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenManifests")
    void eachBrokenRuleIsReportedAtItsPath(String name, String path, Consumer<ObjectNode> breakIt) {
        ObjectNode manifest = Manifests.lottery();
        breakIt.accept(manifest);

        assertThat(validator.validate(manifest, "manifest")).containsKey(path);
    }

    @Test
    void httpIsFineForALocalBaseUrl() {
        ObjectNode manifest = Manifests.lottery();
        manifest.put("baseUrl", "http://localhost:3000");

        assertThat(validator.validate(manifest, "manifest")).isEmpty();
    }

    @Test
    void semanticVersionsCompareByPrecedence() {
        assertThat(SemVer.parse("1.10.0").orElseThrow()).isGreaterThan(SemVer.parse("1.9.9").orElseThrow());
        assertThat(SemVer.parse("2.0.0").orElseThrow()).isGreaterThan(SemVer.parse("2.0.0-rc.2").orElseThrow());
        assertThat(SemVer.parse("2.0.0-rc.10").orElseThrow()).isGreaterThan(SemVer.parse("2.0.0-rc.2").orElseThrow());
        assertThat(SemVer.parse("1.0.0+build.7").orElseThrow()).isEqualByComparingTo(SemVer.parse("1.0.0").orElseThrow());
    }

    private static ObjectNode meta(ObjectNode manifest) {
        return (ObjectNode) manifest.get("meta");
    }
}
