package org.gongkai.consultation.consultation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.SectionStaff;
import org.gongkai.support.security.AccessRules.SectionStaffOrOffice;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff routes of the consultation lifecycle. Roles are checked here coarsely and again by the domain. */
@Tag(name = "征求意见办理", description = "工作人员起草征求意见稿、确定征求期限和渠道、发布征求意见、设定留言是否公开。需登录。")
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final ConsultationService service;
    private final org.gongkai.support.organisation.Sections sections;

    ConsultationController(ConsultationService service, org.gongkai.support.organisation.Sections sections) {
        this.service = service;
        this.sections = sections;
    }

    record DraftRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200_000) String draftText,
            @NotBlank @Size(max = 50_000) String decisionBasis,
            @NotBlank @Size(max = 50_000) String explanation,
            @NotBlank @Size(max = 20) String catalogueItemCode,
            @NotEmpty @Size(max = 6) List<@NotNull Channel> channels,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @Size(max = 1000) String shortPeriodReason,
            boolean commentsPublic) {

        Consultation.Draft toDraft() {
            return new Consultation.Draft(title, draftText, decisionBasis, explanation, catalogueItemCode, channels,
                    periodStart, periodEnd, shortPeriodReason, commentsPublic);
        }
    }

    record CommentVisibilityRequest(@NotNull Boolean commentsPublic, @Size(max = 1000) String reason) {
    }

    @Operation(summary = "起草征求意见稿",
            description = "股室工作人员登记一份征求意见稿：标题、草案全文、起草依据、起草说明、对应的目录事项、征求渠道（政府网站、听证、座谈等）、征求期限（一般不少于 30 日，短于 30 日须说明理由）以及留言是否公开。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaff
    ConsultationView draft(@Valid @RequestBody DraftRequest request, @AuthenticationPrincipal Actor actor) {
        return ConsultationView.of(sections, service.draft(request.toDraft(), actor));
    }

    @Operation(summary = "查看征求意见列表",
            description = "分页列出当前用户可见的征求意见，开始日期最近的在前（同一天开始的按编号）；股室工作人员只看到本股室的。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<ConsultationView> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(service.list(actor, page, size), c -> ConsultationView.of(sections, c));
    }

    @Operation(summary = "查看一项征求意见",
            description = "查看征求意见的内容、状态、期限、渠道和操作记录。")
    @GetMapping("/{id}")
    @SignedIn
    ConsultationView get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return ConsultationView.of(sections, service.get(id, actor));
    }

    @Operation(summary = "修改征求意见稿",
            description = "股室工作人员或政务公开办公室修改尚未发布的征求意见稿。")
    @PutMapping("/{id}")
    @SectionStaffOrOffice
    ConsultationView revise(@PathVariable String id, @Valid @RequestBody DraftRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ConsultationView.of(sections, service.revise(id, request.toDraft(), actor));
    }

    @Operation(summary = "发布征求意见",
            description = "将征求意见稿向社会公布，在征求期内公众可以提交意见。期满后自动截止。")
    @PostMapping("/{id}/opening")
    @SectionStaffOrOffice
    ConsultationView open(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return ConsultationView.of(sections, service.open(id, actor));
    }

    @Operation(summary = "设定留言是否公开",
            description = "设定公众留言是否在网上公开显示，并写明理由。留言人的姓名和联系方式在任何情况下都不公开。")
    @PutMapping("/{id}/comment-visibility")
    @SectionStaffOrOffice
    ConsultationView commentVisibility(@PathVariable String id, @Valid @RequestBody CommentVisibilityRequest request,
            @AuthenticationPrincipal Actor actor) {
        return ConsultationView.of(sections, service.showCommentsPublicly(id, request.commentsPublic(), request.reason(), actor));
    }
}
