package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.DomainException;
import org.gongkai.support.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Token-free reading of published proactive documents and their interpretations; nothing else ever leaves through here. */
@Tag(name = "公开文件查询", description = "公众无需登录即可查阅已主动公开的政策文件及其政策解读。未公开、依申请公开和不予公开的文件不会从这里出现。")
@RestController
@RequestMapping("/api/public")
class PublicDocumentController {

    private final DocumentService service;

    PublicDocumentController(DocumentService service) {
        this.service = service;
    }

    /** One published medium of a non-text interpretation. */
    record PublicMedia(InterpretationForm form, String formLabel, String title, String location) {
        static PublicMedia of(InterpretationMedia m) {
            return new PublicMedia(m.form(), m.form().label(), m.title(), m.location());
        }
    }

    /** An interpretation as released with its document (I6): no drafter, no reviewer. */
    record PublicInterpretation(String documentId, String documentNumber, String documentTitle, LocalDate publishedOn,
            String content, List<InterpretationForm> forms, List<String> formLabels, List<PublicMedia> media) {
        static PublicInterpretation of(PolicyDocument d) {
            Interpretation i = d.interpretation();
            return new PublicInterpretation(d.id(), d.documentNumber(), d.title(), d.publishedOn(), i.content(), i.forms(),
                    i.forms().stream().map(InterpretationForm::label).toList(), i.media().stream().map(PublicMedia::of).toList());
        }
    }

    /**
     * The public face of a document: no drafter, no review notes, no audit; its interpretation when it has one; whether it
     * is still in force (已废止 with the day it was abolished).
     */
    record PublicDocument(String id, String documentNumber, String title, String body, String markingLine,
            DocumentType documentType, String documentTypeLabel,
            LocalDate issuedOn, LocalDate publishedOn, String catalogueItemCode, List<String> channels, List<String> channelLabels,
            boolean abolished, LocalDate abolishedOn, String validityLabel, PublicInterpretation interpretation) {
        static PublicDocument of(PolicyDocument d) {
            return new PublicDocument(d.id(), d.documentNumber(), d.title(), d.body(), d.markingLine(), d.documentType(),
                    d.documentType().label(), d.issuedOn(),
                    d.publishedOn(), d.catalogueItemCode(), d.publishedChannels(), DocumentView.channelLabels(d.publishedChannels()),
                    d.isAbolished(), d.isAbolished() ? d.abolition().on() : null, DocumentView.validityLabel(d),
                    d.interpretation() == null ? null : PublicInterpretation.of(d));
        }
    }

    @Operation(summary = "查阅已公开的政策文件",
            description = "分页列出已主动公开的政策文件（文号、标题、正文、成文和公开日期、公开渠道，以及随文发布的政策解读），最新公开的在前；q 为关键词时在标题、文号、正文和解读中检索。page 从 0 开始，size 最多 100。无需登录。")
    @GetMapping("/documents")
    PageView<PublicDocument> list(@RequestParam(name = "q", required = false) @Size(max = 100) String query,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(service.published(query, false, page, size), PublicDocument::of);
    }

    @Operation(summary = "查看一份已公开的政策文件",
            description = "查看一份已主动公开的政策文件全文及其政策解读。未公开的文件返回“不存在”。无需登录。")
    @GetMapping("/documents/{id}")
    PublicDocument get(@PathVariable String id) {
        return PublicDocument.of(service.publishedDocument(id));
    }

    /** Interpretations of published documents, newest first, found by a keyword in them or their document. */
    @Operation(summary = "查阅政策解读",
            description = "分页列出已公开文件的政策解读，最新的在前；q 为关键词时在解读和所解读的文件中检索。page 从 0 开始，size 为每页条数（最多 100）。无需登录。")
    @GetMapping("/interpretations")
    PageView<PublicInterpretation> interpretations(@RequestParam(name = "q", required = false) @Size(max = 100) String query,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(service.published(query, true, page, size), PublicInterpretation::of);
    }

    @Operation(summary = "查看一份文件的政策解读",
            description = "按文件编号查看其政策解读：解读内容、解读形式（文字、图解、视频等）及所附的媒体。文件没有解读时返回“没有政策解读”。无需登录。")
    @GetMapping("/interpretations/{documentId}")
    PublicInterpretation interpretation(@PathVariable String documentId) {
        PolicyDocument d = service.publishedDocument(documentId);
        if (d.interpretation() == null) {
            throw DomainException.notFound("interpretation-not-found", "该文件没有政策解读。");
        }
        return PublicInterpretation.of(d);
    }
}
