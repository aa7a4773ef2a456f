package io.eventplatform.support.body;

import io.eventplatform.support.validation.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON object → record, property by property, collecting every problem instead of stopping at the first: a
 * property the record does not declare, a value of the wrong JSON type (no coercion: {@code "5"} is not a number,
 * {@code 5} is not a string), then the record's Bean Validation constraints on what did fit. Component types:
 * String, Boolean, Integer, Long, JsonNode, ObjectNode, enums (their constant names in any case), and
 * {@link Patch} of any of these. Property names are the component names.
 */
final class RecordReader {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private RecordReader() {
    }

    static <T> Submitted<T> read(JsonNode body, Class<T> type) {
        Shape shape = SHAPES.computeIfAbsent(type, Shape::of);
        FieldErrors problems = new FieldErrors();
        Object[] values = new Object[shape.components.length];
        if (!body.isObject()) {
            problems.add("", "must be a JSON object");
        } else {
            for (String name : body.propertyNames()) {
                if (!shape.names.contains(name)) {
                    problems.add(name, "cannot be set");
                }
            }
        }
        Set<String> misfits = new HashSet<>();
        for (int i = 0; i < values.length; i++) {
            RecordComponent component = shape.components[i];
            JsonNode node = body.isObject() ? body.get(component.getName()) : null;
            values[i] = component(component, node, problems, misfits);
        }
        T value = type.cast(shape.construct(values));
        for (ConstraintViolation<T> violation : VALIDATOR.validate(value)) {
            String path = path(violation.getPropertyPath());
            if (!misfits.contains(path)) {
                problems.add(path, violation.getMessage());
            }
        }
        return new Submitted<>(value, problems);
    }

    private static @Nullable Object component(RecordComponent component, @Nullable JsonNode node, FieldErrors problems,
                                              Set<String> misfits) {
        String name = component.getName();
        if (component.getType() == Patch.class) {
            if (node == null) {
                return Patch.absent();
            }
            if (node.isNull()) {
                return Patch.cleared();
            }
            Object value = convert(typeArgument(component), node, name, problems, misfits);
            return value == null ? Patch.absent() : Patch.of(value);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return convert(component.getType(), node, name, problems, misfits);
    }

    private static @Nullable Object convert(Class<?> type, JsonNode node, String path, FieldErrors problems,
                                            Set<String> misfits) {
        Object value = value(type, node);
        if (value == null) {
            problems.add(path, expected(type));
            misfits.add(path);
        }
        return value;
    }

    private static @Nullable Object value(Class<?> type, JsonNode node) {
        if (type == String.class) {
            return node.isString() ? node.asString() : null;
        }
        if (type == Boolean.class) {
            return node.isBoolean() ? node.asBoolean() : null;
        }
        if (type == Integer.class) {
            return node.isIntegralNumber() && node.canConvertToInt() ? node.asInt() : null;
        }
        if (type == Long.class) {
            return node.isIntegralNumber() && node.canConvertToLong() ? node.asLong() : null;
        }
        if (type == ObjectNode.class) {
            return node.isObject() ? node : null;
        }
        if (type == JsonNode.class) {
            return node;
        }
        if (type.isEnum() && node.isString()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(node.asString())) {
                    return constant;
                }
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class) {
            return "must be true or false";
        }
        if (type == ObjectNode.class) {
            return "must be a JSON object";
        }
        if (type.isEnum()) {
            String[] names = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
            return "must be " + String.join(", ", Arrays.copyOf(names, names.length - 1))
                    + (names.length > 1 ? " or " : "") + names[names.length - 1];
        }
        return "must be an integer";
    }

    private static Class<?> typeArgument(RecordComponent component) {
        Type argument = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return argument instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) argument;
    }

    /** {@code name}, {@code items[2].name}: the path of a violation relative to the body. */
    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    /** A record's components and canonical constructor, looked up once per type. */
    private record Shape(RecordComponent[] components, Set<String> names, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                Class<?> raw = component.getType() == Patch.class ? typeArgument(component) : component.getType();
                if (!supported(raw)) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName()
                            + ": a request property cannot be a " + raw.getSimpleName());
                }
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Shape(components, Arrays.stream(components).map(RecordComponent::getName)
                        .collect(Collectors.toUnmodifiableSet()), constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean supported(Class<?> type) {
            return type == String.class || type == Boolean.class || type == Integer.class || type == Long.class
                    || type == JsonNode.class || type == ObjectNode.class || type.isEnum();
        }

        Object construct(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
