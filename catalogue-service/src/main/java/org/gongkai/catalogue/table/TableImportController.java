package org.gongkai.catalogue.table;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.support.domain.Actor;
import org.gongkai.support.security.AccessRules.OfficeOnly;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The office imports its official table into a new draft of a catalogue. */
@Tag(name = "目录维护", description = "工作人员维护政务公开事项目录：各股室提出修订建议，政务公开办公室审定、核实待核实事项、导入表格、发布新版本。需登录。")
@RestController
@RequestMapping("/api/catalogues")
class TableImportController {

    private final TableImportService imports;

    TableImportController(TableImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "导入目录表格",
            description = "政务公开办公室上传官方样式的目录表格（xlsx，或 UTF-8/GB18030 编码的 csv，表头上方可有标题行），生成新的草稿版本。表格有误时逐项说明哪一行哪一栏不对。")
    @PostMapping(path = "/{catalogue}/imports", consumes = "multipart/form-data")
    @OfficeOnly
    @ResponseStatus(HttpStatus.CREATED)
    TableImportService.ImportReport importTable(@PathVariable String catalogue, @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal Actor actor)
            throws IOException {
        return imports.importTable(catalogue, file.getOriginalFilename(), file.getBytes(), actor);
    }
}
