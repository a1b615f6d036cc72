package org.gongkai.publication.attributereview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.publication.access.PublicationAccessRules.AnyStaffRole;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.security.AccessRules.SectionStaff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The annual review of on-request and not-disclosed documents (P4). */
@Tag(name = "公开属性年度审查", description = "每年对依申请公开和不予公开的文件进行一次审查，看是否可以转为主动公开。转为主动公开的文件须重新经过保密审查。需登录。")
@RestController
@RequestMapping("/api/attribute-reviews")
class AttributeReviewController {

    private final AttributeReviewService reviews;

    AttributeReviewController(AttributeReviewService reviews) {
        this.reviews = reviews;
    }

    record OpinionRequest(@NotBlank @Size(max = 2000) String opinion) {
    }

    record ReviewView(int year, java.util.List<AttributeReview.Entry> entries) {
        static ReviewView of(AttributeReview r, Actor actor) {
            return new ReviewView(r.year(), r.entriesVisibleTo(actor));
        }
    }

    record DecisionRequest(@NotNull AttributeReview.Decision decision, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "启动年度审查",
            description = "政务公开办公室启动某一年度的公开属性审查，把该年度应审查的依申请公开和不予公开文件列入清单。年份须在首个报告年度至今年之间。")
    @PostMapping("/{year}")
    @ResponseStatus(HttpStatus.CREATED)
    @OfficeOnly
    ReviewView open(@PathVariable int year, @AuthenticationPrincipal Actor actor) {
        return ReviewView.of(reviews.open(year, actor), actor);
    }

    @Operation(summary = "查看年度审查清单",
            description = "查看某一年度审查清单中的文件、股室意见和审查决定；股室工作人员只看到本股室的文件。")
    @GetMapping("/{year}")
    @AnyStaffRole
    ReviewView get(@PathVariable int year, @AuthenticationPrincipal Actor actor) {
        return ReviewView.of(reviews.get(year), actor);
    }

    @Operation(summary = "提出股室意见",
            description = "起草股室对清单中本股室的文件提出是否可以转为主动公开的意见。")
    @PostMapping("/{year}/documents/{documentId}/opinion")
    @SectionStaff
    ReviewView opinion(@PathVariable int year, @PathVariable String documentId, @Valid @RequestBody OpinionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ReviewView.of(reviews.recordOpinion(year, documentId, request.opinion(), actor), actor);
    }

    @Operation(summary = "作出审查决定",
            description = "政务公开办公室对清单中的文件作出决定：维持原属性或调整为主动公开，并写明理由。调整为主动公开的文件退回保密审查，保密审查人员确认前不能发布。")
    @PostMapping("/{year}/documents/{documentId}/decision")
    @OfficeOnly
    ReviewView decide(@PathVariable int year, @PathVariable String documentId, @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ReviewView.of(reviews.decide(year, documentId, request.decision(), request.reason(), actor), actor);
    }
}
