package org.gongkai.consultation.consultation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Token-free reading of opened consultations and their published feedback; drafts never leave through here. */
@RestController
@RequestMapping("/api/public/consultations")
class PublicConsultationController {

    private final ConsultationService service;

    PublicConsultationController(ConsultationService service) {
        this.service = service;
    }

    /** The public face of a consultation: no drafter, no audit. */
    record PublicConsultation(String id, String title, String draftText, String decisionBasis, String explanation,
            String catalogueItemCode, List<Channel> channels, List<String> channelLabels, LocalDate periodStart, LocalDate periodEnd,
            String shortPeriodReason, boolean acceptingComments, boolean commentsPublic, Consultation.Status status,
            String statusLabel) {

        static PublicConsultation of(Consultation c, LocalDate today) {
            return new PublicConsultation(c.id(), c.title(), c.draftText(), c.decisionBasis(), c.explanation(),
                    c.catalogueItemCode(), c.channels(), Channel.labels(c.channels()), c.period().start(), c.period().end(),
                    c.period().shortPeriodReason(), c.status() == Consultation.Status.OPEN && c.period().includes(today),
                    c.commentsPublic(), c.status(), c.status() == null ? null : c.status().label());
        }
    }

    @GetMapping
    List<PublicConsultation> list() {
        LocalDate today = service.today();
        return service.publicConsultations().stream().map(c -> PublicConsultation.of(c, today)).toList();
    }

    @GetMapping("/{id}")
    PublicConsultation get(@PathVariable String id) {
        return PublicConsultation.of(service.publicConsultation(id), service.today());
    }

    @GetMapping("/{id}/feedback")
    FeedbackReport feedback(@PathVariable String id) {
        return service.publishedFeedback(id);
    }
}
