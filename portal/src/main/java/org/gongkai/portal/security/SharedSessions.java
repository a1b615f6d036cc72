package org.gongkai.portal.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

/**
 * Sessions kept in Redis, so that several portal instances behind the gateways share each person's login (the
 * Keycloak tokens), CSRF token and flash messages: {@code gongkai.portal.session-store=redis}. The default,
 * {@code memory}, keeps them in Tomcat's own memory (right for one instance) and needs no Redis; Spring Boot's own
 * Spring Session set-up is excluded in application.yml so that it never switches the store by itself. The session
 * cookie is still the one {@code server.servlet.session.cookie} describes (Spring Boot's cookie serializer).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gongkai.portal", name = "session-store", havingValue = "redis")
@EnableRedisHttpSession
class SharedSessions {

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> portalSessionsInRedis(
            @Value("${gongkai.portal.session-namespace:gongkai:portal}") String namespace,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> {
            repository.setRedisKeyNamespace(namespace);
            repository.setDefaultMaxInactiveInterval(timeout);
        };
    }
}
