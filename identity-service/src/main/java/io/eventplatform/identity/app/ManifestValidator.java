package io.eventplatform.identity.app;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventplatform.contracts.access.AppCapability;
import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.support.validation.JsonSchemaErrors;
import io.eventplatform.support.validation.SemVer;
import io.eventplatform.support.validation.Text;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The manifest rules of docs/api.md, reported as field paths relative to the request body
 * ({@code manifest.meta.name}, {@code manifest.capabilities[2]}, {@code manifest.webhooks.winnerSelection}).
 */
@Component
public class ManifestValidator {

    private static final Set<String> CAPABILITIES = Arrays.stream(AppCapability.values()).map(AppCapability::wire)
            .collect(Collectors.toUnmodifiableSet());

    private final Schema metaSchema;

    ManifestValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    /** Every broken rule, by field path; empty when the manifest is valid. */
    public Map<String, List<String>> validate(JsonNode manifest, String root) {
        Errors errors = new Errors(root);
        if (!manifest.isObject()) {
            errors.add("", "must be an object");
            return errors.byPath;
        }
        JsonNode meta = manifest.path("meta");
        if (!meta.isObject()) {
            errors.add("meta", "is required and must be an object");
        } else {
            text(meta, "name", 1, 100, true, errors, "meta.name");
            JsonNode version = meta.get("version");
            if (version == null || !version.isString() || SemVer.parse(version.asString()).isEmpty()) {
                errors.add("meta.version", "must be a semantic version like 1.2.0");
            }
            text(meta, "description", 1, 500, true, errors, "meta.description");
            text(meta, "author", 1, 200, false, errors, "meta.author");
            url(meta.get("homepage"), false, errors, "meta.homepage");
            url(meta.get("icon"), false, errors, "meta.icon");
        }
        baseUrl(manifest.get("baseUrl"), errors);
        Set<String> capabilities = strings(manifest.get("capabilities"), CAPABILITIES, false, errors, "capabilities");
        Set<String> permissions = strings(manifest.get("permissions"), AppPermission.wireNames(), true, errors, "permissions");
        for (String capability : capabilities) {
            String needed = AppCapability.parse(capability).orElseThrow().permission().wire();
            if (!permissions.contains(needed)) {
                errors.add("permissions", "must include " + needed + " for the capability " + capability);
            }
        }
        JsonNode webhooks = manifest.get("webhooks");
        if (webhooks != null && !webhooks.isNull() && !webhooks.isObject()) {
            errors.add("webhooks", "must be an object");
        } else {
            if (webhooks != null && webhooks.isObject()) {
                for (String capability : webhooks.propertyNames()) {
                    JsonNode path = webhooks.get(capability);
                    if (AppCapability.parse(capability).isEmpty()) {
                        errors.add("webhooks." + capability, "is not a capability");
                    } else if (!path.isString() || !path.asString().startsWith("/") || path.asString().length() > 500) {
                        errors.add("webhooks." + capability, "must be a path starting with /");
                    }
                }
            }
            for (String capability : capabilities) {
                if (AppCapability.parse(capability).orElseThrow().needsWebhook() && (webhooks == null || !webhooks.has(capability))) {
                    errors.add("webhooks." + capability, "is required for the capability " + capability);
                }
            }
        }
        JsonNode settings = manifest.get("settings");
        if (settings != null && !settings.isNull()) {
            if (!settings.isObject() && !settings.isBoolean()) {
                errors.add("settings", "must be a JSON Schema (draft 2020-12)");
            } else {
                for (Error error : metaSchema.validate(settings)) {
                    errors.add("settings" + JsonSchemaErrors.path(error.getInstanceLocation()), error.getMessage());
                }
            }
        }
        return errors.byPath;
    }

    private static void text(JsonNode parent, String field, int min, int max, boolean required, Errors errors, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path, "is required");
            }
            return;
        }
        if (!value.isString() || value.asString().isBlank() || Text.length(value.asString()) < min || Text.length(value.asString()) > max) {
            errors.add(path, "must be " + min + " to " + max + " characters");
        }
    }

    private static void url(JsonNode value, boolean required, Errors errors, String path) {
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path, "is required");
            }
            return;
        }
        URI uri = value.isString() ? uri(value.asString()) : null;
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            errors.add(path, "must be an http(s) URL");
        }
    }

    private static void baseUrl(JsonNode value, Errors errors) {
        URI uri = value != null && value.isString() ? uri(value.asString()) : null;
        boolean local = uri != null && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))) {
            errors.add("baseUrl", "must be an https URL (http only for localhost)");
        }
    }

    private static URI uri(String text) {
        try {
            return text.length() > 2048 ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> strings(JsonNode value, Set<String> allowed, boolean nonEmpty, Errors errors, String path) {
        Set<String> valid = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            if (nonEmpty) {
                errors.add(path, "is required");
            }
            return valid;
        }
        if (!value.isArray()) {
            errors.add(path, "must be an array");
            return valid;
        }
        if (nonEmpty && value.isEmpty()) {
            errors.add(path, "must not be empty");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || !allowed.contains(item.asString())) {
                errors.add(path + "[" + i + "]", "must be one of " + new java.util.TreeSet<>(allowed));
            } else if (!valid.add(item.asString())) {
                errors.add(path + "[" + i + "]", "is listed twice");
            }
        }
        return valid;
    }

    private static final class Errors {
        final Map<String, List<String>> byPath = new LinkedHashMap<>();
        final String root;

        Errors(String root) {
            this.root = root;
        }

        void add(String path, String message) {
            String full = path.isEmpty() ? root : path.startsWith("[") ? root + path : root + "." + path;
            byPath.computeIfAbsent(full, p -> new ArrayList<>()).add(message);
        }
    }
}
