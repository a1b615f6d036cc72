package org.gongkai.reporting.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mailEnabled     send e-mails through Spring Mail's SMTP settings ({@code spring.mail.*}); off by default in
 *                        the local run, where the inbox alone is used
 * @param from            the sender address
 * @param sectionMail     section → addresses of its staff
 * @param officeMail      addresses of the disclosure office, copied on every notification
 */
@ConfigurationProperties("gongkai.notifications")
public record NotificationProperties(boolean mailEnabled, String from, Map<String, List<String>> sectionMail, List<String> officeMail) {

    public NotificationProperties {
        from = from == null ? "gongkai@localhost" : from;
        sectionMail = sectionMail == null ? Map.of() : Map.copyOf(sectionMail);
        officeMail = officeMail == null ? List.of() : List.copyOf(officeMail);
    }

    List<String> recipientsOf(String section) {
        List<String> to = new ArrayList<>(sectionMail.getOrDefault(section, List.of()));
        officeMail.stream().filter(a -> !to.contains(a)).forEach(to::add);
        return to;
    }
}
