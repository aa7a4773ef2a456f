package io.eventplatform.support.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Finds out, before a request runs, whether its endpoint is marked {@link CarriesCredentials}. */
final class CredentialEndpoints {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    CredentialEndpoints(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The endpoint's rule, or null when its answer may be stored. */
    CarriesCredentials.@Nullable Repeat repeatRule(HttpServletRequest request) {
        for (RequestMappingHandlerMapping mapping : mappings) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(request);
            } catch (Exception noHandler) {
                continue; // the dispatcher answers it (404, 405, 415) as it would without a key
            }
            if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
                CarriesCredentials marker = method.getMethodAnnotation(CarriesCredentials.class);
                return marker == null ? null : marker.repeat();
            }
        }
        return null;
    }
}
