package org.gongkai.reporting.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gongkai.contracts.IntegrationEvent;
import org.gongkai.contracts.publication.CalendarNoticeMissing;
import org.gongkai.contracts.publication.ConcernResponseOverdue;
import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.organisation.Sections;
import org.gongkai.support.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Turns reminders into notifications: one per cause, in the inbox of its section and the office, and once by e-mail.
 * Sending claims the notification first (PENDING → SENDING in one conditional update), so two instances, or a retry,
 * never mail it twice.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final int MAX_MAIL_ATTEMPTS = 5;
    /** Notifications for the disclosure office as such (not a section's business): the office and leadership see them. */
    static final String OFFICE = "disclosure-office";

    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final Sections sections;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, NotificationProperties properties, ObjectProvider<JavaMailSender> mail, Sections sections,
            Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.mail = mail;
        this.sections = sections;
        this.clock = clock;
    }

    /** The events that are reminders for people; everything else is ignored here. */
    public void onEvent(String eventId, IntegrationEvent event) {
        if (event instanceof DocumentPublicationOverdue e) {
            notify(eventId, e.section(), Notification.Kind.PUBLICATION_OVERDUE, "文件 " + e.documentNumber() + " 已超过公开期限",
                    "文件 " + e.documentNumber() + "（" + e.issuedOn() + "印发）应于 " + e.publicationDueOn() + " 前主动公开，至今尚未公开，请尽快办理。");
        } else if (event instanceof CalendarNoticeMissing e) {
            notify(eventId, OFFICE, Notification.Kind.CALENDAR_NOTICE_MISSING, e.year() + "年放假安排通知尚未录入", e.message());
        } else if (event instanceof ConcernResponseOverdue e) {
            notify(eventId, e.section(), Notification.Kind.CONCERN_RESPONSE_OVERDUE, "舆情回应已超过48小时",
                    "一条舆情的权威回应应于 " + e.responseDueAt() + " 前发布，至今尚未回应，请立即处理。");
        }
    }

    /** Records the notification once (its id is its cause) and tries to mail it. Returns whether it is new. */
    public boolean notify(String id, String section, Notification.Kind kind, String title, String message) {
        Notification notification = Notification.of(id, section, kind, title, message, Instant.now(clock),
                properties.mailEnabled() && !properties.recipientsOf(section).isEmpty());
        try {
            notifications.insert(notification);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        deliver(id);
        return true;
    }

    /** Mails what is still pending (after a failed attempt); run on a schedule. */
    public int deliverPending() {
        List<Notification> pending = notifications.pendingMail(100);
        int sent = 0;
        for (Notification n : pending) {
            sent += deliver(n.id()) ? 1 : 0;
        }
        return sent;
    }

    private boolean deliver(String id) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.debug("notification {} not mailed: no mail sender configured", id);
            return false;
        }
        Notification claimed = notifications.claimForMailing(id).orElse(null);
        if (claimed == null) {
            log.debug("notification {} not mailed: not pending", id);
            return false;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(claimed.recipients(properties).toArray(String[]::new));
            message.setSubject("【政务公开提醒】" + claimed.title());
            String to = OFFICE.equals(claimed.section()) ? "政务公开办" : sections.label(claimed.section());
            message.setText(to + "：\n\n" + claimed.message() + "\n\n（本邮件由公开系统自动发送）");
            sender.send(message);
            notifications.mailSent(id, Instant.now(clock));
            return true;
        } catch (RuntimeException e) {
            // back to PENDING for the next round, unless it has failed too often; no address is logged
            boolean giveUp = claimed.mailAttempts() >= MAX_MAIL_ATTEMPTS;
            log.warn("notification {} not mailed (attempt {}): {}", id, claimed.mailAttempts(), e.getClass().getSimpleName());
            notifications.mailFailed(id, giveUp);
            return false;
        }
    }

    /** The inbox: a section's notifications, or every section's for those who oversee all; newest first. */
    public List<Notification> inbox(Actor actor, int page, int size) {
        return notifications.inbox(actor, page, size);
    }

    public long inboxSize(Actor actor) {
        return notifications.inboxSize(actor);
    }

    public Notification markRead(String id, Actor actor) {
        notifications.findById(id).filter(n -> actor.overseesAllSections() || actor.belongsTo(n.section()))
                .orElseThrow(() -> DomainException.notFound("notification-not-found", "没有找到该提醒。"));
        return notifications.markReadBy(id, actor.username());
    }
}
