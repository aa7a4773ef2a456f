package io.eventplatform.identity.app;

import com.networknt.schema.path.NodePath;

/** A JSON Schema instance location as the error envelope writes field paths: {@code .a.b[2]}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Number index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(element);
            }
        }
        return out.toString();
    }
}
