package io.eventplatform.support.web;

import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.requests.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request id from {@code X-Request-Id} (set by the gateway, or by a client calling a service directly)
 * or makes one, puts it into the logging context for every log line of the request, and echoes it on the
 * response. An id that is not a short token is replaced rather than trusted into logs.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    /** One line per request (method, path, status, time), tagged with the request id; level INFO by default. */
    private static final Logger access = LoggerFactory.getLogger("io.eventplatform.access");

    static final String MDC_KEY = "requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptedOrNew(request.getHeader(PlatformHeaders.REQUEST_ID));
        request.setAttribute(MDC_KEY, requestId);
        response.setHeader(PlatformHeaders.REQUEST_ID, requestId);
        MDC.put(MDC_KEY, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled() && !isAsyncStarted(request)) {
                access.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
        }
    }
}
