package io.eventplatform.support.body;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a {@link Submitted} body: the JSON as a tree (syntax errors stay 400 in Spring's usual path), then the tree
 * into the record named by the type argument. A body that is the JSON literal {@code null} is "not an object".
 */
final class SubmittedDeserializer extends ValueDeserializer<Submitted<?>> {

    private final @Nullable Class<? extends Record> type;

    SubmittedDeserializer() {
        this(null);
    }

    private SubmittedDeserializer(@Nullable Class<? extends Record> type) {
        this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
        JavaType wrapper = property != null ? property.getType() : context.getContextualType();
        JavaType content = wrapper == null ? null : wrapper.containedType(0);
        if (content == null || !content.getRawClass().isRecord()) {
            throw new IllegalStateException("Submitted<T> needs a record type argument, not " + wrapper);
        }
        return new SubmittedDeserializer((Class<? extends Record>) content.getRawClass());
    }

    @Override
    public Submitted<?> deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode tree = context.readTree(parser);
        return RecordReader.read(tree == null ? JsonNodeFactory.instance.nullNode() : tree, recordType());
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
        return RecordReader.read(JsonNodeFactory.instance.nullNode(), recordType());
    }

    private Class<? extends Record> recordType() {
        if (type == null) {
            throw new IllegalStateException("Submitted<T> read without its type argument");
        }
        return type;
    }
}
