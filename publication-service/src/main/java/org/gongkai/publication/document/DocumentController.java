package org.gongkai.publication.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.publication.access.PublicationAccessRules.DocumentReviewers;
import org.gongkai.publication.document.ReviewStep.ReviewDecision;
import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.AdminOrOffice;
import org.gongkai.support.security.AccessRules.OfficeLeadershipOrAdmin;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.gongkai.support.security.AccessRules.SectionStaff;
import org.gongkai.support.security.AccessRules.SectionStaffOrOffice;
import org.gongkai.support.security.AccessRules.SignedIn;
import org.gongkai.support.web.PageView;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Staff routes of the document lifecycle. Roles are checked here coarsely and again by the domain. */
@Tag(name = "政策文件办理", description = "政策文件从起草、送审（保密审查、业务主管部门意见、政务公开办审核）、政策解读、发布前协调、印发、公开发布到送交查阅场所的全过程。需登录，各步骤按角色和股室把关。")
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentService service;
    private final org.gongkai.support.organisation.Sections sections;

    DocumentController(DocumentService service, org.gongkai.support.organisation.Sections sections) {
        this.service = service;
        this.sections = sections;
    }

    record AttachmentRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String mediaType,
            @NotBlank String contentBase64) {
    }

    record DraftRequest(
            @NotBlank @Size(max = 60) String documentNumber,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200_000) String body,
            @NotBlank @Size(max = 20) String catalogueItemCode,
            boolean issuedInCountyName,
            @NotNull DisclosureAttribute disclosureAttribute,
            LegalBasis legalBasis,
            boolean mayInvolveStateSecrets,
            InterpretationNeed interpretationNeed,
            @Size(max = PolicyDocument.MAX_ATTACHMENTS) List<@NotNull @Valid AttachmentRequest> attachments,
            DocumentType documentType) {

        PolicyDocument.Draft toDraft() {
            return new PolicyDocument.Draft(documentNumber, title, body, catalogueItemCode, issuedInCountyName,
                    disclosureAttribute, legalBasis, mayInvolveStateSecrets, interpretationNeed,
                    attachments == null ? List.of() : attachments.stream()
                            .map(a -> new AttachmentUpload(a.name(), a.mediaType(), a.contentBase64())).toList(),
                    documentType);
        }
    }

    record AuthorityRulingRequest(@NotBlank @Size(max = 100) String authority, @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 100) String reference) {
    }

    /**
     * {@code authorityRuling}: the competent authority's decision, recorded at the entitled-organ step;
     * {@code responsibleHead}: the unit head who signed off, required when the office finally approves.
     */
    record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = 2000) String note,
            @Valid AuthorityRulingRequest authorityRuling, @Size(max = 50) String responsibleHead) {

        AuthorityRuling ruling() {
            return authorityRuling == null ? null
                    : new AuthorityRuling(authorityRuling.authority(), authorityRuling.decidedOn(), authorityRuling.reference());
        }
    }

    record MediaRequest(@NotNull InterpretationForm form, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 500) String location) {
    }

    record InterpretationRequest(@NotBlank @Size(max = 100_000) String content, @NotNull List<@NotNull InterpretationForm> forms,
            boolean textUsesCasesDataOrQa, @NotNull Set<@NotNull InterpretationElement> elementsCovered,
            @Size(max = 20) List<@NotNull @Valid MediaRequest> media) {

        List<InterpretationMedia> toMedia() {
            return media == null ? List.of() : media.stream().map(m -> new InterpretationMedia(m.form(), m.title(), m.location())).toList();
        }
    }

    record CoordinationRequest(@NotNull LocalDate on, @NotBlank @Size(max = 100) String propagandaContact, @NotBlank @Size(max = 100) String cyberspaceContact,
            @Size(max = 2000) String note) {
    }

    record IssueRequest(LocalDate issuedOn) {
    }

    record PublishRequest(LocalDate publishedOn, @Size(max = 13) List<@NotBlank String> channels) {
    }

    record TransferRequest(LocalDate transferredOn) {
    }

    record AbolitionRequest(@NotNull LocalDate abolishedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "起草政策文件",
            description = "股室工作人员登记一份政策文件草稿：文号、标题、正文、文件类型（规章 RULE、行政规范性文件 NORMATIVE、其他 OTHER，不填为其他）、对应的目录事项、公开属性（主动公开、依申请公开、不予公开）及其法定依据、是否可能涉及国家秘密、是否需要解读、附件等。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @SectionStaff
    DocumentView draft(@Valid @RequestBody DraftRequest request, @AuthenticationPrincipal Actor actor) {
        return view(service.draft(request.toDraft(), actor));
    }

    @Operation(summary = "查看政策文件列表",
            description = "分页列出当前用户可见的政策文件及其办理状态和公开时限，按文号排序：股室工作人员看到本股室的文件，政务公开办公室、保密审查人员、领导和管理员看到全部文件。page 从 0 开始，size 最多 100。")
    @GetMapping
    @SignedIn
    PageView<DocumentView> list(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Actor actor) {
        return PageView.of(service.list(actor, page, size), this::view);
    }

    @Operation(summary = "查看一份政策文件",
            description = "查看政策文件的内容、公开属性、审查记录、解读、公开时限和操作记录。")
    @GetMapping("/{id}")
    @SignedIn
    DocumentView get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return view(service.get(id, actor));
    }

    @Operation(summary = "修改政策文件草稿",
            description = "起草股室修改草稿（包括审查退回后的修改）。审查后改动公开属性或不公开依据的，或标注可能涉及国家秘密的，须重新经过保密审查。")
    @PutMapping("/{id}")
    @SectionStaff
    DocumentView revise(@PathVariable String id, @Valid @RequestBody DraftRequest request, @AuthenticationPrincipal Actor actor) {
        return view(service.revise(id, request.toDraft(), actor));
    }

    @Operation(summary = "提交审查",
            description = "起草股室将草稿提交审查：需要保密审查的先由保密审查人员审查，其余由政务公开办公室审核。")
    @PostMapping("/{id}/submission")
    @SectionStaff
    DocumentView submit(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return view(service.submit(id, actor));
    }

    @Operation(summary = "作出审查意见",
            description = "保密审查人员或政务公开办公室在当前审查环节作出决定：同意、退回、提请上一级确定或转保密审查；保密审查拿不准的，报有权机关确定并登记其决定（机关、日期、文号）。政务公开办公室最终同意时须写明签发的单位负责人。")
    @PostMapping("/{id}/reviews")
    @DocumentReviewers
    DocumentView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(service.review(id, request.decision(), request.note(), request.ruling(), request.responsibleHead(),
                actor));
    }

    @Operation(summary = "起草政策解读",
            description = "起草股室为文件撰写政策解读：解读内容、解读形式、涵盖的要素；图解、视频等非文字形式须附上文件或已发布作品的链接才算数。")
    @PutMapping("/{id}/interpretation")
    @SectionStaff
    DocumentView interpret(@PathVariable String id, @Valid @RequestBody InterpretationRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.draftInterpretation(id, new Interpretation(r.content(), r.forms(), r.textUsesCasesDataOrQa(),
                r.elementsCovered(), null, null, null, null, r.toMedia()), actor));
    }

    @Operation(summary = "审核政策解读",
            description = "政务公开办公室审核政策解读；审核通过的解读随文件一同公开。")
    @PostMapping("/{id}/interpretation/review")
    @OfficeOnly
    DocumentView reviewInterpretation(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return view(service.reviewInterpretation(id, actor));
    }

    @Operation(summary = "登记发布前协调",
            description = "登记文件发布前与宣传部门、网信部门的沟通协调（日期、双方联系人、说明）。协调日期须在发布之前。")
    @PostMapping("/{id}/coordination")
    @SectionStaffOrOffice
    DocumentView coordinate(@PathVariable String id, @Valid @RequestBody CoordinationRequest r,
            @AuthenticationPrincipal Actor actor) {
        return view(service.recordCoordination(id, new Coordination(r.on(), r.propagandaContact(), r.cyberspaceContact(),
                r.note(), null), actor));
    }

    @Operation(summary = "登记印发",
            description = "登记文件已印发及成文日期（不填为今天）。印发后开始计算公开时限。")
    @PostMapping("/{id}/issuance")
    @SectionStaffOrOffice
    DocumentView issue(@PathVariable String id, @Valid @RequestBody(required = false) IssueRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(service.issue(id, request == null ? null : request.issuedOn(), actor));
    }

    @Operation(summary = "公开发布",
            description = "将已印发、审查通过的主动公开文件在政府网站及目录事项规定的渠道公开发布，登记发布日期（不填为今天）和渠道。需要重新保密审查的文件（如年度审查改为主动公开、标注可能涉密），在保密审查人员确认前不能发布。")
    @PostMapping("/{id}/publication")
    @SectionStaffOrOffice
    DocumentView publish(@PathVariable String id, @Valid @RequestBody(required = false) PublishRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(service.publish(id, request == null ? null : request.publishedOn(),
                request == null ? null : request.channels(), actor));
    }

    @Operation(summary = "登记送交查阅场所",
            description = "登记已公开文件的纸质文本送交政府信息查阅场所的日期（不填为今天）；只登记一次，日期不能早于成文日期，也不能是将来。")
    @PostMapping("/{id}/reading-room-transfer")
    @SectionStaffOrOffice
    DocumentView transfer(@PathVariable String id, @Valid @RequestBody(required = false) TransferRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(service.transferToReadingRoom(id, request == null ? null : request.transferredOn(), actor));
    }

    @Operation(summary = "登记文件废止",
            description = "政务公开办公室登记已印发文件的废止日期和理由，每份文件只能废止一次。废止后文件不再计入现行有效件数，公开页面标注“已废止”；尚未公开的不再计算公开时限。")
    @PostMapping("/{id}/abolition")
    @OfficeOnly
    DocumentView abolish(@PathVariable String id, @Valid @RequestBody AbolitionRequest request,
            @AuthenticationPrincipal Actor actor) {
        return view(service.abolish(id, request.abolishedOn(), request.reason(), actor));
    }

    @Operation(summary = "下载附件",
            description = "下载政策文件的一个附件，position 为附件在文件附件列表中的位置（从 0 开始）。返回附件的原始内容、媒体类型和文件名；只有能查看该文件的用户可以下载。")
    @GetMapping("/{id}/attachments/{position}")
    @SignedIn
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable @Min(0) @Max(Attachments.MAX_COUNT - 1) int position,
            @AuthenticationPrincipal Actor actor) {
        DocumentService.AttachmentDownload download = service.attachment(id, position, actor);
        return ResponseEntity.ok()
                .contentType(mediaTypeOf(download.attachment().mediaType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.attachment().name(), StandardCharsets.UTF_8).build().toString())
                // uploaded by staff, never rendered as a page of this origin
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    private static MediaType mediaTypeOf(String declared) {
        try {
            return MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    @Operation(summary = "查看待公开文件时限",
            description = "政务公开办公室、领导和管理员分页查看所有已印发尚未公开的文件及其公开期限，公开期限最早的在前，临近和逾期的一目了然。page 从 0 开始，size 最多 100。")
    @GetMapping("/deadline-board")
    @OfficeLeadershipOrAdmin
    PageView<DocumentView> deadlineBoard(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(service.awaitingPublication(page, size), this::view);
    }

    /** After an administrator added calendar data: reload it now and recompute open deadlines. */
    @Operation(summary = "重新计算公开时限",
            description = "管理员或政务公开办公室在更新节假日数据后，重新载入工作日历并重算所有未完成文件的公开期限，返回期限有变化的文件数。")
    @PostMapping("/deadlines/recalculation")
    @AdminOrOffice
    Map<String, Integer> recalculate() {
        return Map.of("deadlinesChanged", service.reloadCalendarAndRecompute());
    }

    private DocumentView view(PolicyDocument document) {
        return DocumentView.of(document, service.today(), sections.label(document.section()));
    }
}
