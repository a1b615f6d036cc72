package org.gongkai.testsupport;

import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service under test at the real test infrastructure: its own fresh database, the broker,
 * exchanges of its own (a random namespace, so earlier runs cannot leak events in; queues expire),
 * and the local JWKS of {@link TestTokens}.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Broker broker = TestInfrastructure.broker();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String app = context.getEnvironment().getProperty("spring.application.name", "service");
        TestPropertyValues.of(
                "spring.mongodb.uri=" + TestInfrastructure.mongoAddress() + "/" + app + "-" + run,
                "spring.rabbitmq.host=" + broker.host(),
                "spring.rabbitmq.port=" + broker.port(),
                "spring.rabbitmq.username=" + broker.username(),
                "spring.rabbitmq.password=" + broker.password(),
                "gongkai.events.namespace=test-" + run,
                "spring.cloud.stream.rabbit.default.consumer.expires=300000",
                "spring.cloud.stream.rabbit.default.consumer.dlq-expires=300000",
                "spring.cloud.stream.rabbit.default.producer.expires=300000",
                "spring.cloud.stream.rabbit.default.producer.dlq-expires=300000",
                "gongkai.security.issuer=" + TestTokens.ISSUER,
                "gongkai.security.jwk-set-uri=" + TestTokens.jwksUri()
        ).applyTo(context);
    }
}
