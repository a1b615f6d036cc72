package org.gongkai.publication.application;

import java.util.Set;

/**
 * Art. 31: which day counts as the day of receipt, by channel. In person: the day submitted; by post: the day signed
 * for, or for ordinary letters the day confirmed with the applicant; online or by fax: the day both sides confirm.
 */
public enum ReceiptBasis {
    SUBMITTED_IN_PERSON("当面提交之日", Set.of("IN_PERSON")),
    SIGNED_FOR("邮件签收之日", Set.of("LETTER")),
    CONFIRMED_WITH_APPLICANT("平常信函与申请人确认之日", Set.of("LETTER")),
    BOTH_CONFIRMED("双方确认之日", Set.of("ONLINE", "FAX"));

    private final String label;
    private final Set<String> channels;

    ReceiptBasis(String label, Set<String> channels) {
        this.label = label;
        this.channels = channels;
    }

    public String label() {
        return label;
    }

    public boolean appliesTo(String channel) {
        return channels.contains(channel);
    }
}
