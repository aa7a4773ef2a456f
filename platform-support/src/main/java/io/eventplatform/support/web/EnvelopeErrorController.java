package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatch (errors raised outside Spring MVC, e.g. in a filter or by Tomcat) with
 * the error envelope instead of Boot's default error body. Replaces Boot's BasicErrorController.
 */
@RestController
final class EnvelopeErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = ErrorCode.forStatus(status instanceof Integer value ? value : 500);
        return ApiExceptionHandler.envelope(code, code.defaultMessage(), null, new HttpHeaders());
    }
}
