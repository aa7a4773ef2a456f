package io.eventplatform.support.security;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.security.OperatorToken;
import io.eventplatform.security.PlatformTokens;
import io.eventplatform.security.RevocationAutoConfiguration;
import io.eventplatform.security.RevocationSet;
import io.eventplatform.security.SecurityProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Token checks for a domain service: every request needs a valid, unrevoked platform token except health, the
 * error page and the service's configured public paths. Platform admins ({@code prole=admin}) get
 * {@code ROLE_ADMIN}; an app token's permissions become {@code PERM_<permission>} authorities. The other
 * operational endpoints ({@code /actuator/**}: metrics, dead-letter replay) take the operator's token only
 * ({@link OperatorToken}), never a platform token.
 */
@AutoConfiguration(after = RevocationAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, RevocationSet revocations) {
        return PlatformTokens.decoder(properties, revocations);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder)
            throws Exception {
        List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/error",
                "/v3/api-docs", "/v3/api-docs/**"));
        OperatorToken operator = properties.operatorToken();
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(properties.protectedPaths().toArray(String[]::new)).authenticated()
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").access((authentication, context) ->
                                new AuthorizationDecision(operator.admits(context.getRequest().getHeader(HttpHeaders.AUTHORIZATION))))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authorities()))
                        .authenticationEntryPoint(EnvelopeSecurityHandlers.unauthorized())
                        .accessDeniedHandler(EnvelopeSecurityHandlers.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(EnvelopeSecurityHandlers.unauthorized())
                        .accessDeniedHandler(EnvelopeSecurityHandlers.forbidden()));
        return http.build();
    }

    /**
     * No observation around each security filter, authentication and authorization: nothing reads them (the
     * request as a whole is still observed as http.server.requests), and they cost a share of every request.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with the same header rule as its default (assigned, non-control
     * characters only), checked by a loop instead of a regular expression: the firewall checks every header each
     * time it is read, and a bearer token is read several times per request (a measurable share of a request's CPU).
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall platformFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PlatformSecurityAutoConfiguration::isPrintable);
        firewall.setAllowedHeaderValues(PlatformSecurityAutoConfiguration::isPrintable);
        return firewall;
    }

    /** Every code point assigned and none a control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}). */
    static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Lets controllers declare a {@link Caller} parameter. */
    @Bean
    WebMvcConfigurer callerArguments(JwtDecoder decoder) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(decoder));
            }
        };
    }

    private static JwtAuthenticationConverter authorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformSecurityAutoConfiguration::authoritiesOf);
        return converter;
    }

    static Collection<GrantedAuthority> authoritiesOf(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (TokenClaims.ADMIN.equals(jwt.getClaimAsString(TokenClaims.PLATFORM_ROLE))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        List<String> permissions = jwt.getClaimAsStringList(TokenClaims.PERMISSIONS);
        if (permissions != null) {
            permissions.forEach(permission -> authorities.add(new SimpleGrantedAuthority("PERM_" + permission)));
        }
        return authorities;
    }
}
