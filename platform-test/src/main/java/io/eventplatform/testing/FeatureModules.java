package io.eventplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

/**
 * A service's feature packages as Spring Modulith sees them: {@link #verify} fails when a feature reaches into
 * another's internals (anything outside its base package, e.g. its {@code web} package) or two features depend on
 * each other, and keeps {@code docs/modules/<service>.md} — the features, what each exposes and whom it depends on,
 * as a Mermaid diagram — equal to the code: a change of shape rewrites the file and fails until it is committed.
 */
public final class FeatureModules {

    private FeatureModules() {
    }

    public static void verify(Class<?> application, String service) {
        ApplicationModules modules = ApplicationModules.of(application).verify();
        Path doc = repositoryRoot().resolve("docs").resolve("modules").resolve(service + ".md");
        String expected = document(modules, service);
        String actual = read(doc);
        if (!expected.equals(actual)) {
            write(doc, expected);
        }
        assertThat(actual).as("%s describes the features of the code as they are now: it was rewritten; review and "
                + "commit it", doc).isEqualTo(expected);
    }

    static String document(ApplicationModules modules, String service) {
        StringBuilder text = new StringBuilder("# " + service + ": feature modules\n\n")
                .append("Written by its `ModularityTests` (Spring Modulith `ApplicationModules.verify()`); do not edit by hand.\n")
                .append("An arrow is a dependency: `uses` a bean, `listens` to an in-process event, `types` uses a type.\n\n")
                .append("```mermaid\nflowchart LR\n");
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            text.append("    ").append(module.getName()).append('\n');
            Map<String, TreeSet<String>> edges = new TreeMap<>();
            module.getDirectDependencies(modules).stream().forEach(dependency -> edges
                    .computeIfAbsent(dependency.getTargetModule().getName(), target -> new TreeSet<>())
                    .add(label(dependency)));
            edges.forEach((target, labels) -> text.append("    ").append(module.getName()).append(" -->|")
                    .append(String.join(", ", labels)).append("| ").append(target).append('\n'));
        });
        text.append("```\n\n| feature | exposes (its base package's public types) |\n|---|---|\n");
        modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            String exposed = module.getBasePackage().stream()
                    .filter(type -> type.getPackageName().equals(module.getBasePackage().getName()))
                    .filter(type -> type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                    .filter(type -> !type.getSimpleName().equals("package-info") && !type.isNestedClass())
                    .map(type -> type.getSimpleName()).sorted().distinct()
                    .map(name -> "`" + name + "`").collect(Collectors.joining(", "));
            text.append("| `").append(module.getName()).append("` | ").append(exposed.isEmpty() ? "—" : exposed).append(" |\n");
        });
        return text.toString();
    }

    private static String label(ApplicationModuleDependency dependency) {
        DependencyType type = dependency.getDependencyType();
        if (type == DependencyType.USES_COMPONENT) {
            return "uses";
        }
        if (type == DependencyType.EVENT_LISTENER) {
            return "listens";
        }
        return "types";
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve("architecture.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docs/architecture.md above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
