package org.gongkai.consultation.opinion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen looks a comment up by its receipt; it lives with opinions because that is most of the answer. */
@Tag(name = "意见回执查询", description = "公众凭提交意见时得到的回执号查询意见的办理情况。无需登录。")
@RestController
@RequestMapping("/api/public/comments")
class PublicReceiptController {

    private final OpinionService service;

    PublicReceiptController(OpinionService service) {
        this.service = service;
    }

    @Operation(summary = "凭回执查询意见办理情况",
            description = "输入回执号，查询所提意见的办理状态（已收到、已隐藏、已归入意见、已反馈）；公布采纳情况反馈后，可看到所归入意见的采纳决定和理由。不显示留言内容、姓名和联系方式。无需登录。")
    @GetMapping("/{receipt}")
    ReceiptAnswer status(@PathVariable String receipt) {
        return service.status(receipt);
    }
}
