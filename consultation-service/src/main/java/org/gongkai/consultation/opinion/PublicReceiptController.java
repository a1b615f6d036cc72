package org.gongkai.consultation.opinion;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen looks a comment up by its receipt; it lives with opinions because that is most of the answer. */
@RestController
@RequestMapping("/api/public/comments")
class PublicReceiptController {

    private final OpinionService service;

    PublicReceiptController(OpinionService service) {
        this.service = service;
    }

    @GetMapping("/{receipt}")
    ReceiptAnswer status(@PathVariable String receipt) {
        return service.status(receipt);
    }
}
