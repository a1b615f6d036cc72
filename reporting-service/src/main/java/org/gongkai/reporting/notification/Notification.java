package org.gongkai.reporting.notification;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reminder that reaches people: it lands in the inbox of a section (and of the office, which oversees all) and,
 * when mail is configured, goes out once by e-mail. Its {@code _id} is the key of what caused it (the event id, or the
 * reminder's own key), so a redelivered event never makes a second notification or a second mail.
 */
@Document("notifications")
public class Notification {

    public enum Kind {
        REPORT_DUE("进展报告催报"), PUBLICATION_OVERDUE("文件公开逾期"), CONCERN_RESPONSE_OVERDUE("舆情回应超时"),
        CALENDAR_NOTICE_MISSING("放假安排未录入"), ANNUAL_REPORT_DUE("年度报告催报"), ANNUAL_REPORT_OVERDUE("年度报告逾期");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** NOT_REQUIRED when mail is off; PENDING until claimed; SENDING while one instance sends it; then SENT. */
    public enum MailStatus { NOT_REQUIRED, PENDING, SENDING, SENT }

    @Id
    private final String id;
    private final String section;
    private final Kind kind;
    private final String title;
    private final String message;
    private final Instant createdAt;
    private final Set<String> readBy;
    private final MailStatus mailStatus;
    private final int mailAttempts;
    private final Instant mailSentAt;

    @PersistenceCreator
    Notification(String id, String section, Kind kind, String title, String message, Instant createdAt, Set<String> readBy,
            MailStatus mailStatus, Integer mailAttempts, Instant mailSentAt) {
        this.id = id;
        this.section = section;
        this.kind = kind;
        this.title = title;
        this.message = message;
        this.createdAt = createdAt;
        this.readBy = new LinkedHashSet<>(readBy == null ? Set.of() : readBy);
        this.mailStatus = mailStatus == null ? MailStatus.NOT_REQUIRED : mailStatus;
        this.mailAttempts = mailAttempts == null ? 0 : mailAttempts;
        this.mailSentAt = mailSentAt;
    }

    static Notification of(String id, String section, Kind kind, String title, String message, Instant now, boolean mail) {
        return new Notification(id, section, kind, title, message, now, Set.of(), mail ? MailStatus.PENDING : MailStatus.NOT_REQUIRED,
                0, null);
    }

    public String id() { return id; }
    public String section() { return section; }
    public Kind kind() { return kind; }
    public String title() { return title; }
    public String message() { return message; }
    public Instant createdAt() { return createdAt; }
    public Set<String> readBy() { return Set.copyOf(readBy); }
    public MailStatus mailStatus() { return mailStatus; }
    public int mailAttempts() { return mailAttempts; }
    public Instant mailSentAt() { return mailSentAt; }

    public List<String> recipients(NotificationProperties properties) {
        return properties.recipientsOf(section);
    }
}
