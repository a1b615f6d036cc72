package org.gongkai.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Chinese web portal: server-rendered pages behind the gateway. It owns no data; every figure and record on a
 * page comes from a service's API, called with the signed-in user's access token (kept in the server session).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
