package org.gongkai.consultation.comment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommentProperties.class)
class CommentConfiguration {

    @Bean
    Fingerprints fingerprints(CommentProperties properties) {
        return new Fingerprints(properties.clientFingerprintSecret());
    }
}
