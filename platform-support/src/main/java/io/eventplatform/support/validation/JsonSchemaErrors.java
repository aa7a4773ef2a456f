package io.eventplatform.support.validation;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

/**
 * JSON Schema errors (networknt) as the error envelope writes field paths: dots for properties, {@code [i]} for
 * array items. A missing required property and a property the schema does not allow are reported at that
 * property ({@code appSettings.ticketCount}), not at the object that holds it.
 */
public final class JsonSchemaErrors {

    private JsonSchemaErrors() {
    }

    /** Adds each error under {@code root} + its instance location. */
    public static void addTo(FieldErrors errors, String root, Iterable<Error> schemaErrors) {
        for (Error error : schemaErrors) {
            String path = root + path(error.getInstanceLocation());
            String keyword = error.getKeyword();
            if (error.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                    || "unevaluatedProperties".equals(keyword) || "dependentRequired".equals(keyword))) {
                path = path + "." + error.getProperty();
                errors.add(path, "required".equals(keyword) || "dependentRequired".equals(keyword)
                        ? "is required" : "is not allowed");
            } else {
                errors.add(path, error.getMessage());
            }
        }
    }

    /** {@code .a.b[2]} for the location a/b/2. */
    public static String path(NodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Number index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(element);
            }
        }
        return out.toString();
    }
}
