package io.eventplatform.support.web;

import io.eventplatform.contracts.api.PlatformHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id from {@code X-Request-Id} (set by the gateway, or by a client calling a service directly)
 * or makes one, puts it into the logging context for every log line of the request, and echoes it on the
 * response. An id that is not a short token is replaced rather than trusted into logs.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = acceptedOrNew(request.getHeader(PlatformHeaders.REQUEST_ID));
        request.setAttribute(MDC_KEY, requestId);
        response.setHeader(PlatformHeaders.REQUEST_ID, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // the error dispatch logs too: keep the id in the MDC there as well
        return false;
    }

    static String acceptedOrNew(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
