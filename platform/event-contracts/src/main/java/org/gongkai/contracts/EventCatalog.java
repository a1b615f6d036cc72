package org.gongkai.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.contracts.catalogue.CatalogueVersionPublished;
import org.gongkai.contracts.consultation.CommentReceived;
import org.gongkai.contracts.consultation.ConsultationClosed;
import org.gongkai.contracts.consultation.ConsultationOpened;
import org.gongkai.contracts.consultation.FeedbackPublished;
import org.gongkai.contracts.consultation.OpinionDecided;
import org.gongkai.contracts.publication.ApplicationReceived;
import org.gongkai.contracts.publication.ApplicationSupplementRequested;
import org.gongkai.contracts.publication.ApplicationSupplementReceived;
import org.gongkai.contracts.publication.ApplicationConsultationStarted;
import org.gongkai.contracts.publication.ApplicationConsultationEnded;
import org.gongkai.contracts.publication.ApplicationExtended;
import org.gongkai.contracts.publication.ApplicationReasonablePeriodSet;
import org.gongkai.contracts.publication.ApplicationReasonsRequested;
import org.gongkai.contracts.publication.ApplicationFeeCharged;
import org.gongkai.contracts.publication.ApplicationFeePaid;
import org.gongkai.contracts.publication.ApplicationAnswered;
import org.gongkai.contracts.publication.ApplicationClosed;
import org.gongkai.contracts.publication.ApplicationOverdue;
import org.gongkai.contracts.publication.CalendarNoticeMissing;
import org.gongkai.contracts.publication.ConcernAnswered;
import org.gongkai.contracts.publication.ConcernEscalated;
import org.gongkai.contracts.publication.ConcernRegistered;
import org.gongkai.contracts.publication.ConcernResponseOverdue;
import org.gongkai.contracts.publication.DocumentAbolished;
import org.gongkai.contracts.publication.DocumentAttributeChanged;
import org.gongkai.contracts.publication.DocumentDeadlineChanged;
import org.gongkai.contracts.publication.DocumentIssued;
import org.gongkai.contracts.publication.DocumentPublicationOverdue;
import org.gongkai.contracts.publication.DocumentPublished;
import org.gongkai.contracts.publication.InterpretationPublished;
import org.gongkai.contracts.reporting.ReportReminderDue;
import org.gongkai.contracts.reporting.ReportSubmitted;

/**
 * Every integration event type of the suite. Each producer publishes on its own topic exchange
 * ({@code <namespace>.<service>}, see docs/events.md) with the type as routing key.
 * Consumers resolve incoming {@code type} attributes here; unknown types are ignored, not guessed.
 * Besides the CloudEvents core attributes every event carries the extensions {@code correlationid} and, when the
 * request that caused it was traced, {@code traceparent} (the distributed-tracing extension, W3C Trace Context).
 */
public final class EventCatalog {

    private static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            CatalogueVersionPublished.class,
            DocumentIssued.class,
            DocumentPublished.class,
            DocumentPublicationOverdue.class,
            DocumentAttributeChanged.class,
            DocumentDeadlineChanged.class,
            InterpretationPublished.class,
            ConcernRegistered.class,
            ConcernAnswered.class,
            ConcernEscalated.class,
            ConcernResponseOverdue.class,
            CalendarNoticeMissing.class,
            DocumentAbolished.class,
            ApplicationReceived.class,
            ApplicationSupplementRequested.class,
            ApplicationSupplementReceived.class,
            ApplicationConsultationStarted.class,
            ApplicationConsultationEnded.class,
            ApplicationExtended.class,
            ApplicationReasonsRequested.class,
            ApplicationReasonablePeriodSet.class,
            ApplicationFeeCharged.class,
            ApplicationFeePaid.class,
            ApplicationAnswered.class,
            ApplicationClosed.class,
            ApplicationOverdue.class,
            ReportSubmitted.class,
            ReportReminderDue.class,
            ConsultationOpened.class,
            ConsultationClosed.class,
            CommentReceived.class,
            OpinionDecided.class,
            FeedbackPublished.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends IntegrationEvent>> all() {
        return ALL;
    }

    public static String typeOf(Class<? extends IntegrationEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " lacks @EventType");
        }
        return type.value();
    }

    public static Optional<Class<? extends IntegrationEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Location of the JSON fixture of an event type's {@code data}, on the classpath. */
    public static String fixturePath(String type) {
        return "events/" + type + ".json";
    }
}
