package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeTemplates.Param;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeTemplates.Template;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** S2 通知模版配置: templates (query, detail, save, enable/disable, delete, export) and their parameters. */
@RestController
@Validated
@RequestMapping("/api/trade-window/v1/low-altitude")
class LowAltitudeTemplateController {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    private static final String PARAM_NAME = "[A-Za-z][A-Za-z0-9]{0,39}";

    private final LowAltitudeTemplates templates;

    LowAltitudeTemplateController(LowAltitudeTemplates templates) {
        this.templates = templates;
    }

    record TemplateRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                           @NotBlank @Size(max = 500) String contentZh, @NotBlank @Size(max = 500) String contentEn,
                           boolean channelPc, boolean channelMobile, boolean channelSms, boolean subscribable) {
    }

    record EnabledRequest(boolean enabled) {
    }

    record ParamRequest(@NotBlank @Size(max = 100) String descriptionZh, @NotBlank @Size(max = 200) String descriptionEn,
                        boolean enabled) {
    }

    @GetMapping("/notice-templates")
    List<Template> templates(@RequestParam(required = false) @Size(max = 100) String keyword,
                             @RequestParam(required = false) Boolean enabled,
                             @RequestParam(required = false) @Pattern(regexp = "PC|MOBILE|SMS") String channel) {
        return templates.templates(Actors.current(), keyword, enabled, channel);
    }

    @GetMapping("/notice-templates/{code}")
    Template template(@PathVariable @Pattern(regexp = CODE) String code) {
        return templates.template(Actors.current(), code);
    }

    @PutMapping("/notice-templates/{code}")
    Template save(@PathVariable @Pattern(regexp = CODE) String code, @Valid @RequestBody TemplateRequest r) {
        return templates.save(Actors.current(), new Template(code, r.nameZh(), r.nameEn(), r.contentZh(), r.contentEn(),
                r.channelPc(), r.channelMobile(), r.channelSms(), r.subscribable(), true, null, null));
    }

    @PutMapping("/notice-templates/{code}/enabled")
    Template setEnabled(@PathVariable @Pattern(regexp = CODE) String code, @RequestBody EnabledRequest r) {
        return templates.setEnabled(Actors.current(), code, r.enabled());
    }

    @DeleteMapping("/notice-templates/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @Pattern(regexp = CODE) String code) {
        templates.delete(Actors.current(), code);
    }

    @GetMapping("/notice-templates/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Size(max = 100) String keyword,
                                  @RequestParam(required = false) Boolean enabled,
                                  @RequestParam(required = false) @Pattern(regexp = "PC|MOBILE|SMS") String channel) {
        byte[] body = Xlsx.write("通知模板", List.of("编码 Code", "名称 Name", "Name", "中文内容 Chinese text",
                        "English text", "PC端 PC", "移动端 Mobile", "短信 SMS", "可订阅 Subscribable", "启用 Enabled",
                        "修改人 Changed by", "修改时间 Changed at"),
                templates.templates(Actors.current(), keyword, enabled, channel),
                t -> new Object[]{t.code(), t.nameZh(), t.nameEn(), t.contentZh(), t.contentEn(), yes(t.channelPc()),
                        yes(t.channelMobile()), yes(t.channelSms()), yes(t.subscribable()), yes(t.enabled()),
                        t.updatedBy(), t.updatedAt()});
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("low-altitude-notice-templates.xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Xlsx.CONTENT_TYPE)).body(body);
    }

    private static String yes(boolean b) {
        return b ? "是 Yes" : "否 No";
    }

    @GetMapping("/notice-template-params")
    List<Param> params() {
        return templates.params(Actors.current());
    }

    @PutMapping("/notice-template-params/{name}")
    Param saveParam(@PathVariable @Pattern(regexp = PARAM_NAME) String name, @Valid @RequestBody ParamRequest r) {
        return templates.saveParam(Actors.current(), new Param(name, r.descriptionZh(), r.descriptionEn(), r.enabled(),
                null, null));
    }

    @DeleteMapping("/notice-template-params/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteParam(@PathVariable @Pattern(regexp = PARAM_NAME) String name) {
        templates.deleteParam(Actors.current(), name);
    }
}
