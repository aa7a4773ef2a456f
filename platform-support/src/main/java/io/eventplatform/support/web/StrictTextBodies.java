package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.validation.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is checked as text before it is read (Text): malformed or overlong UTF-8, a lone
 * surrogate, a NUL → 422 VALIDATION_ERROR on {@code body}, never stored as {@code ?} or read as another character.
 */
@ControllerAdvice
final class StrictTextBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        String problem = Text.problemInJson(body);
        if (problem != null) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is not valid text",
                    Map.of("fields", Map.of("body", List.of(problem))));
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
