package io.eventplatform.support.security;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.json.PlatformJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, in the error envelope; the reason stays out of the response. */
final class EnvelopeSecurityHandlers {

    private EnvelopeSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, ErrorCode.UNAUTHORIZED);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, ErrorCode.FORBIDDEN);
    }

    private static void write(HttpServletResponse response, ErrorCode code) throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(PlatformJson.mapper().writeValueAsBytes(ApiError.of(code)));
    }
}
