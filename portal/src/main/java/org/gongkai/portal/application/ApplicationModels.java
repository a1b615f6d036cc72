package org.gongkai.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** publication-service's answers about on-request disclosure applications (依申请公开), as the pages show them. */
public final class ApplicationModels {

    private ApplicationModels() {
    }

    /** The codes and Chinese names the service publishes for the form and the replies. */
    public record Vocabulary(Map<String, String> applicantTypes, Map<String, String> channels, Map<String, String> media,
            Map<String, String> deliveries, Map<String, String> receiptBases, Map<String, String> states,
            Map<String, String> outcomes, Map<String, String> reasons) {

        /** The reasons of one outcome ({@code OUTCOME/REASON} keys), by the reason's own code. */
        public Map<String, String> reasonsOf(String outcome) {
            Map<String, String> of = new LinkedHashMap<>();
            reasons.forEach((key, label) -> {
                if (key.startsWith(outcome + "/")) {
                    of.put(key.substring(outcome.length() + 1), label);
                }
            });
            return of;
        }

        /** Outcome and reason as one choice ({@code OUTCOME} or {@code OUTCOME/REASON}), in table 三's order; staff cannot choose 其他处理. */
        public Map<String, String> replyChoices() {
            Map<String, String> choices = new LinkedHashMap<>();
            outcomes.forEach((outcome, label) -> {
                if ("OTHER".equals(outcome)) {
                    return;
                }
                Map<String, String> reasonsOf = reasonsOf(outcome);
                if (!"DISCLOSED".equals(outcome) && !reasonsOf.isEmpty()) {
                    reasonsOf.forEach((reason, reasonLabel) -> choices.put(outcome + "/" + reason, label + "——" + reasonLabel));
                } else {
                    choices.put(outcome, label);
                    reasonsOf.forEach((reason, reasonLabel) -> choices.put(outcome + "/" + reason, label + "——" + reasonLabel));
                }
            });
            return choices;
        }

        /** Receipt bases that fit a channel (art. 31), as the service checks them. */
        public Map<String, String> receiptBasesFor(String channel) {
            Map<String, String> fit = new LinkedHashMap<>();
            receiptBases.forEach((code, label) -> {
                boolean fits = switch (code) {
                    case "SUBMITTED_IN_PERSON" -> "IN_PERSON".equals(channel);
                    case "SIGNED_FOR", "CONFIRMED_WITH_APPLICANT" -> "LETTER".equals(channel);
                    case "BOTH_CONFIRMED" -> "ONLINE".equals(channel) || "FAX".equals(channel);
                    default -> true;
                };
                if (fits || channel == null) {
                    fit.put(code, label);
                }
            });
            return fit;
        }
    }

    public record QueryCode(String queryCode, Instant submittedAt, String statusUrl) implements java.io.Serializable {
    }

    public record PublicSupplement(LocalDate requestedOn, String missing, LocalDate supplementDueOn, LocalDate receivedOn) {
    }

    public record PublicExtension(LocalDate extendedOn, int extraWorkingDays, String reason) {
    }

    public record PublicReasonablePeriod(LocalDate notifiedOn, int extraWorkingDays, String reason) {
    }

    public record Fee(int amountFen, LocalDate notifiedOn, LocalDate payBy, LocalDate paidOn, String chargedBy) {
        /** 12.50 元 */
        public String yuan() {
            return String.format("%d.%02d元", amountFen / 100, amountFen % 100);
        }
    }

    public record Reply(String outcome, String outcomeLabel, String reason, String reasonLabel, String text, String legalBasis,
            String location, LocalDate answeredOn, LocalDate dueOn, Boolean onTime, String answeredBy) {
        public List<String> paragraphs() {
            return text == null ? List.of() : java.util.Arrays.stream(text.split("\\R+")).filter(p -> !p.isBlank()).toList();
        }
    }

    public record Closure(String outcome, String reason, String reasonLabel, String note, LocalDate closedOn, String closedBy) {
    }

    /** What the applicant sees by query code: nothing personal. */
    public record Status(String queryCode, String channel, String channelLabel, String state, String stateLabel,
            Instant submittedAt, LocalDate receivedOn, boolean clockPaused, LocalDate dueOn, boolean dueConfirmed,
            PublicSupplement supplement, PublicExtension extension, PublicReasonsRequest reasonsRequest,
            PublicReasonablePeriod reasonablePeriod, Fee fee, Reply reply, Closure closure) {
    }

    /** Art. 35 as the applicant sees it: what to explain, by when, and whether the explanation arrived. */
    public record PublicReasonsRequest(LocalDate requestedOn, String question, LocalDate explainBy, LocalDate explainedOn) {
    }

    public record Contact(String phone, String email, String postalAddress) {
    }

    public record Applicant(String type, String typeLabel, String name, String identityDocument, Contact contact) {
    }

    public record Sought(String title, String documentNumber, String description) {
    }

    public record FormWanted(String medium, String mediumLabel, String delivery, String deliveryLabel) {
    }

    public record Receipt(LocalDate receivedOn, String basis, String basisLabel, String confirmedBy, Instant recordedAt) {
    }

    public record Supplement(LocalDate requestedOn, String missing, int periodWorkingDays, LocalDate supplementDueOn,
            String requestedBy, LocalDate receivedOn) {
    }

    public record Consultation(String consultee, String consulteeLabel, String note, LocalDate startedOn, LocalDate answerDueOn,
            LocalDate endedOn, Boolean answered, String startedBy) {
        public boolean open() {
            return endedOn == null;
        }
    }

    public record ClockPause(String cause, LocalDate from, LocalDate to) {
    }

    public record Extension(LocalDate extendedOn, int extraWorkingDays, String reason, String approvedBy) {
    }

    public record ReasonablePeriod(LocalDate notifiedOn, int extraWorkingDays, String reason, String setBy) {
    }

    public record ReasonsRequest(LocalDate requestedOn, String question, LocalDate explainBy, String requestedBy,
            LocalDate explainedOn, String explanation, String recordedBy) {
        public boolean explained() {
            return explainedOn != null;
        }
    }

    public record Clearance(String openedBecause, Instant openedAt, String outcome, String decidedBy, Instant decidedAt) {
        public boolean pending() {
            return "PENDING".equals(outcome);
        }
    }

    public record AuditEntry(Instant at, String username, String section, String action, String reason) {
    }

    /** One application as staff see it (with the applicant's personal data: staff only). */
    public record StaffApplication(String id, String queryCode, String channel, String channelLabel, String section,
            String sectionLabel, Applicant applicant, Sought sought, FormWanted form, Instant submittedAt, String enteredBy,
            String state, String stateLabel, Receipt receipt, LocalDate clockStart, boolean clockRunning, LocalDate dueOn,
            boolean dueConfirmed, Integer workingDaysLeft, boolean overdue, Supplement supplement, List<Consultation> consultations,
            List<ClockPause> pauses, Extension extension, ReasonsRequest reasonsRequest, ReasonablePeriod reasonablePeriod, Fee fee, Clearance clearance,
            String clearanceFor, Reply reply, Closure closure, List<AuditEntry> audit) {

        public boolean done() {
            return "ANSWERED".equals(state) || "CLOSED".equals(state);
        }

        public boolean paused() {
            return "AWAITING_SUPPLEMENT".equals(state) || "CONSULTING".equals(state) || "AWAITING_FEE".equals(state);
        }

        public boolean is(String s) {
            return s.equals(state);
        }

        public String titleOrDescription() {
            if (sought == null) {
                return "";
            }
            if (sought.title() != null && !sought.title().isBlank()) {
                return sought.title();
            }
            if (sought.documentNumber() != null && !sought.documentNumber().isBlank()) {
                return sought.documentNumber();
            }
            String d = sought.description() == null ? "" : sought.description();
            return d.length() > 40 ? d.substring(0, 40) + "…" : d;
        }

        public boolean clearancePending() {
            return clearance != null && clearance.pending();
        }

        public boolean clearanceGranted() {
            return clearance != null && "CLEARED".equals(clearance.outcome());
        }
    }

    public record BoardEntry(String id, String section, String sectionLabel, String channel, String channelLabel,
            String applicantType, String applicantTypeLabel, String title, LocalDate receivedOn, LocalDate clockStart,
            LocalDate dueOn, boolean dueConfirmed, Integer workingDaysLeft, boolean overdue, boolean extended) {
    }

    /** A page of a service's list (service-support's PageView). */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
