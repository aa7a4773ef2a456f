package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.PlatformHeaders;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.requests.RequestIds;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself, before any filter or controller runs — a request line it will not take (an encoded
 * NUL in the path, say): the error envelope with a request id, instead of Tomcat's HTML page.
 */
public final class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        try {
            if (response.getHeader(PlatformHeaders.REQUEST_ID) == null) {
                response.setHeader(PlatformHeaders.REQUEST_ID,
                        RequestIds.acceptedOrNew(request.getHeader(PlatformHeaders.REQUEST_ID)));
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = PlatformJson.mapper().writeValueAsBytes(ApiError.of(code));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response cannot take a body any more: nothing else to say
        }
    }
}
