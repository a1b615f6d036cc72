package org.gongkai.consultation.opinion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpinionProperties.class)
class OpinionConfiguration {
}
