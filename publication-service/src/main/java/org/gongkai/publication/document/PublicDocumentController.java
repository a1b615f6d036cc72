package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Token-free reading of published proactive documents; nothing else ever leaves through here. */
@RestController
@RequestMapping("/api/public/documents")
class PublicDocumentController {

    private final DocumentService service;

    PublicDocumentController(DocumentService service) {
        this.service = service;
    }

    /** The public face of a document: no drafter, no review notes, no audit. */
    record PublicDocument(String id, String documentNumber, String title, String body, String markingLine,
            LocalDate issuedOn, LocalDate publishedOn, String catalogueItemCode, List<String> channels) {
        static PublicDocument of(PolicyDocument d) {
            return new PublicDocument(d.id(), d.documentNumber(), d.title(), d.body(), d.markingLine(), d.issuedOn(),
                    d.publishedOn(), d.catalogueItemCode(), d.publishedChannels());
        }
    }

    @GetMapping
    List<PublicDocument> list(@RequestParam(name = "q", required = false) String query) {
        return service.published(query).stream().map(PublicDocument::of).toList();
    }

    @GetMapping("/{id}")
    PublicDocument get(@PathVariable String id) {
        return PublicDocument.of(service.publishedDocument(id));
    }
}
