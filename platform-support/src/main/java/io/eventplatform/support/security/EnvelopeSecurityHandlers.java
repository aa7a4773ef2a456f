package io.eventplatform.support.security;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.json.PlatformJson;
import jakarta.servlet.http.HttpServletResponse;
import io.eventplatform.security.OperatorToken;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    /** The only access rule past authentication is the operational endpoints': the 403 says so. */
    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, ErrorCode.FORBIDDEN,
                OperatorToken.guards(request.getRequestURI()) ? Map.<String, Object>of("required", "operator token") : null);
    }

    private static void write(HttpServletResponse response, ErrorCode code) throws IOException {
        write(response, code, null);
    }

    private static void write(HttpServletResponse response, ErrorCode code, @Nullable Map<String, Object> details)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(PlatformJson.mapper().writeValueAsBytes(ApiError.of(code, code.defaultMessage(), details)));
    }
}
