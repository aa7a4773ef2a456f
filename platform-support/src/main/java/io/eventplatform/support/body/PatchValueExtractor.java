package io.eventplatform.support.body;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/** Lets Bean Validation check a {@link Patch}'s value (constraints on its type argument); absent and null pass. */
public final class PatchValueExtractor implements ValueExtractor<Patch<@ExtractedValue ?>> {

    @Override
    public void extractValues(Patch<?> patch, ValueReceiver receiver) {
        if (patch.hasValue()) {
            receiver.value(null, patch.value());
        }
    }
}
