package org.gongkai.reporting.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongkai.support.domain.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Notifications in MongoDB. Mailing state changes are conditional single-document updates, so that two instances
 * never claim the same notification.
 */
@Repository
class NotificationRepository {

    private final MongoTemplate mongo;

    NotificationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new notification; its id is its cause, so a second one for the same cause is a {@code DuplicateKeyException}. */
    void insert(Notification notification) {
        mongo.insert(notification);
    }

    Optional<Notification> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class));
    }

    /** Up to {@code limit} notifications whose mail is still to be sent. */
    List<Notification> pendingMail(int limit) {
        return mongo.find(Query.query(Criteria.where("mailStatus").is(Notification.MailStatus.PENDING)).limit(limit), Notification.class);
    }

    /** PENDING → SENDING with one more attempt, in one conditional update; empty when it was not pending (sent, or claimed). */
    Optional<Notification> claimForMailing(String id) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("mailStatus").is(Notification.MailStatus.PENDING)),
                new Update().set("mailStatus", Notification.MailStatus.SENDING).inc("mailAttempts", 1),
                FindAndModifyOptions.options().returnNew(true), Notification.class));
    }

    void mailSent(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mailStatus", Notification.MailStatus.SENT).set("mailSentAt", at), Notification.class);
    }

    /** A failed attempt: back to PENDING for the next round, or NOT_REQUIRED when it has failed too often. */
    void mailFailed(String id, boolean giveUp) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mailStatus", giveUp ? Notification.MailStatus.NOT_REQUIRED : Notification.MailStatus.PENDING),
                Notification.class);
    }

    /** One page of the actor's inbox (its section's notifications, or every section's for those who oversee all), newest first. */
    List<Notification> inbox(Actor actor, int page, int size) {
        return mongo.find(inboxOf(actor).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size),
                Notification.class);
    }

    long inboxSize(Actor actor) {
        return mongo.count(inboxOf(actor), Notification.class);
    }

    private static Query inboxOf(Actor actor) {
        return actor.overseesAllSections() ? new Query() : Query.query(Criteria.where("section").is(actor.section()));
    }

    /** Adds the reader to the notification's readers (once) and answers it as it is now. */
    Notification markReadBy(String id, String username) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().addToSet("readBy", username), Notification.class);
        return mongo.findById(id, Notification.class);
    }
}
