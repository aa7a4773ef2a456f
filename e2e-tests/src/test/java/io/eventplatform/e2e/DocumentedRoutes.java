package io.eventplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's routes (its application.yml) held against the services' OpenAPI documents, both ways: every route
 * leads to something its service documents, and every documented path reaches that service through the gateway
 * (the first route by order that takes it goes there). The documents' own routes ({@code <service>-docs}) are not
 * API. A path variable {@code {service}} stands for the service's own name (the data browser's routes). The live
 * connection is not among the routes: the gateway answers it ahead of them and carries it to room-service over its
 * link ({@link #LIVE}).
 */
final class DocumentedRoutes {

    record Route(String id, String service, int order, int position, List<String> patterns) {
    }

    /** {@code /api/v1/ws}: the gateway's own handler, ahead of every route, for room-service's hub. */
    static final Route LIVE = new Route("live", "room", Integer.MIN_VALUE, -1, List.of("/api/v1/ws"));

    private DocumentedRoutes() {
    }

    @SuppressWarnings("unchecked")
    static List<Route> of(Path gatewayConfiguration) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(gatewayConfiguration));
        Object routes = yaml;
        for (String key : List.of("spring", "cloud", "gateway", "server", "webflux", "routes")) {
            routes = ((Map<String, Object>) routes).get(key);
        }
        List<Route> result = new ArrayList<>(List.of(LIVE));
        for (Map<String, Object> route : (List<Map<String, Object>>) routes) {
            String uri = (String) route.get("uri");
            String service = uri.replaceAll(".*downstreams\\.([a-z]+)}.*", "$1");
            List<String> patterns = ((List<String>) route.get("predicates")).stream()
                    .filter(predicate -> predicate.startsWith("Path="))
                    .flatMap(predicate -> Stream.of(predicate.substring("Path=".length()).split(",")))
                    .map(String::trim).toList();
            result.add(new Route((String) route.get("id"), service, ((Number) route.getOrDefault("order", 0)).intValue(),
                    result.size(), patterns));
        }
        return result;
    }

    /** What does not line up; empty when every route is documented and every documented path is routed. */
    static List<String> problems(List<Route> routes, Map<String, JsonNode> documents) {
        List<String> problems = new ArrayList<>();
        List<Route> api = routes.stream().filter(route -> !route.id().endsWith("-docs"))
                .sorted(Comparator.comparingInt(Route::order).thenComparingInt(Route::position)).toList();
        for (Route route : api) {
            List<String> documented = paths(documents.get(route.service()));
            boolean found = route.patterns().stream().anyMatch(pattern -> documented.stream().anyMatch(path ->
                    regex(pattern).matcher(sample(path, route.service())).matches()
                            || regex(path).matcher(sample(pattern, route.service())).matches()));
            if (!found) {
                problems.add("route " + route.id() + " " + route.patterns() + ": nothing in " + route.service() + "'s document");
            }
        }
        documents.forEach((service, document) -> {
            for (String path : paths(document)) {
                String concrete = sample(path, service);
                Optional<Route> first = api.stream()
                        .filter(route -> route.patterns().stream().anyMatch(pattern -> regex(pattern).matcher(concrete).matches()))
                        .findFirst();
                if (first.isEmpty()) {
                    problems.add(service + " documents " + path + ", which no route reaches");
                } else if (!first.get().service().equals(service)) {
                    problems.add(service + " documents " + path + ", which the gateway sends to " + first.get().service());
                }
            }
        });
        return problems;
    }

    private static List<String> paths(JsonNode document) {
        return document == null ? List.of() : List.copyOf(document.get("paths").propertyNames());
    }

    /** A concrete path for a template or a route pattern: variables filled in, a trailing {@code /**} dropped. */
    private static String sample(String template, String service) {
        return template.replace("{service}", service).replaceAll("\\{[^/]+}", "x").replaceAll("/\\*\\*$", "");
    }

    /** A route pattern or a document's path template as a regular expression over concrete paths. */
    private static Pattern regex(String template) {
        String any = template.endsWith("/**") ? template.substring(0, template.length() - 3) : template;
        String body = Stream.of(any.split("/", -1))
                .map(segment -> segment.matches("\\{[^/]+}") ? "[^/]+" : Pattern.quote(segment))
                .reduce((left, right) -> left + "/" + right).orElse("");
        return Pattern.compile(template.endsWith("/**") ? body + "(/.*)?" : body);
    }
}
