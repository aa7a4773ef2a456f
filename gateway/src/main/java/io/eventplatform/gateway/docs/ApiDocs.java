package io.eventplatform.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /docs}: springdoc's Swagger UI over the three services' OpenAPI documents, each fetched through its route
 * ({@code /v3/api-docs/<service>}), and the gateway's own (its few endpoints). Public and not rate-limited; the
 * page has a strict Content-Security-Policy (SecurityHeaders). "Try it out" calls the gateway the page came from.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String UI = "/docs/swagger-ui/index.html";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("gateway").version("v1")
                        .description("The endpoints the gateway answers itself; the services' documents are listed beside it."))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** {@code /docs} itself (springdoc serves the UI one level down). */
    @Bean
    RouterFunction<ServerResponse> docsEntry() {
        return RouterFunctions.route().GET("/docs", request -> ServerResponse.temporaryRedirect(URI.create(UI)).build())
                .GET("/docs/", request -> ServerResponse.temporaryRedirect(URI.create(UI)).build()).build();
    }
}
