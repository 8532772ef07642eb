package cn.hnsw.customs.template;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 初始值模版 and 录入模版 (FP 106–115, 315–319) and the export initial values of the second line (出口初始值配置,
 * FP 357–363): an enterprise sets, changes and deletes its own templates, reads their log, and applies one to a new
 * declaration, which takes the template's value for every header field it left blank (and, from an entry template,
 * its goods items when it has none).
 */
@Service
public class TemplateService {

    private final TemplateRepository templates;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    TemplateService(TemplateRepository templates, ObjectMapper json) {
        this.templates = templates;
        this.json = json;
    }

    public List<DeclarationTemplate> list(CurrentActor actor, DeclarationTemplate.Kind kind, DeclarationType type,
                                          DeclarationType.ImportExport direction) {
        return templates.list(enterprise(actor), kind, type, direction);
    }

    public DeclarationTemplate get(CurrentActor actor, UUID id) {
        return owned(actor, id);
    }

    @Transactional
    public DeclarationTemplate create(CurrentActor actor, DeclarationTemplate.Change change) {
        String enterprise = enterprise(actor);
        check(change);
        Instant now = clock.instant();
        DeclarationTemplate t = new DeclarationTemplate(UUID.randomUUID(), enterprise, change.kind(),
                change.declarationType(), change.importExport(), change.name().trim(), change.header(), items(change),
                actor.username(), now, actor.username(), now, 1);
        try {
            templates.insert(t);
        } catch (DuplicateKeyException e) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_NAME_TAKEN, t.name());
        }
        templates.log(t, "CREATED", actor.username(), now);
        return templates.find(t.id()).orElseThrow();
    }

    @Transactional
    public DeclarationTemplate update(CurrentActor actor, UUID id, DeclarationTemplate.Change change) {
        DeclarationTemplate before = owned(actor, id);
        check(change);
        if (change.version() == null) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "version");
        }
        Instant now = clock.instant();
        DeclarationTemplate t = new DeclarationTemplate(id, before.enterpriseUscc(), change.kind(),
                change.declarationType(), change.importExport(), change.name().trim(), change.header(), items(change),
                before.createdBy(), before.createdAt(), actor.username(), now, before.version());
        boolean updated;
        try {
            updated = templates.update(t, change.version());
        } catch (DuplicateKeyException e) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_NAME_TAKEN, t.name());
        }
        if (!updated) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_VERSION_CONFLICT);
        }
        templates.log(t, "CHANGED", actor.username(), now);
        return templates.find(id).orElseThrow();
    }

    @Transactional
    public void delete(CurrentActor actor, UUID id) {
        DeclarationTemplate t = owned(actor, id);
        templates.delete(id);
        templates.log(t, "DELETED", actor.username(), clock.instant());
    }

    /**
     * The declaration as it would be with the template applied: every blank header field takes the template's value;
     * an entry template's goods items are taken when the declaration has none. Nothing is stored.
     */
    public DeclarationRequest apply(CurrentActor actor, UUID id, DeclarationRequest request) {
        DeclarationTemplate t = owned(actor, id);
        if (request.declarationType() != t.declarationType()) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_TYPE_MISMATCH, t.declarationType().nameZh(),
                    request.declarationType().nameZh());
        }
        ObjectNode header = json.valueToTree(request.header());
        JsonNode values = json.valueToTree(t.header());
        for (Map.Entry<String, JsonNode> field : values.properties()) {
            JsonNode own = header.get(field.getKey());
            boolean blank = own == null || own.isNull() || (own.isTextual() && own.asText().isBlank());
            if (blank && !field.getValue().isNull()) {
                header.set(field.getKey(), field.getValue());
            }
        }
        List<DeclarationItem> items = request.items() == null || request.items().isEmpty() ? t.items() : request.items();
        return new DeclarationRequest(request.declarationType(),
                request.importExport() != null ? request.importExport() : t.importExport(),
                json.convertValue(header, DeclarationHeader.class), items);
    }

    public PageResponse<DeclarationTemplate.LogEntry> logs(CurrentActor actor, DeclarationType.ImportExport direction,
                                                           PageQuery page) {
        String enterprise = enterprise(actor);
        return PageResponse.of(templates.logs(enterprise, direction, page.size(), (int) page.offset()), page,
                templates.logCount(enterprise, direction));
    }

    private static void check(DeclarationTemplate.Change change) {
        if (change.kind() == null || change.declarationType() == null || change.importExport() == null
                || change.header() == null) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "kind, declarationType, importExport, header");
        }
        if (change.name() == null || change.name().isBlank() || change.name().trim().length() > 100) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "name (1–100)");
        }
        if (change.declarationType() == DeclarationType.CONSOLIDATED) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "declarationType");
        }
        List<DeclarationItem> items = change.items() == null ? List.of() : change.items();
        if (change.kind() == DeclarationTemplate.Kind.INITIAL_VALUE && !items.isEmpty()) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "初始值模版不含商品项 / an initial-value template holds no items");
        }
        if (items.size() > CustomsDeclaration.MAX_ITEMS) {
            throw new HnswException(TemplateErrorCode.TEMPLATE_INVALID, "items ≤ " + CustomsDeclaration.MAX_ITEMS);
        }
    }

    private static List<DeclarationItem> items(DeclarationTemplate.Change change) {
        return change.items() == null ? List.of() : new ArrayList<>(change.items());
    }

    private DeclarationTemplate owned(CurrentActor actor, UUID id) {
        String enterprise = enterprise(actor);
        return templates.find(id).filter(t -> t.enterpriseUscc().equals(enterprise))
                .orElseThrow(() -> new HnswException(TemplateErrorCode.TEMPLATE_NOT_FOUND));
    }

    private static String enterprise(CurrentActor actor) {
        return EnterpriseScope.restrictionFor(actor)
                .orElseThrow(() -> new HnswException(TemplateErrorCode.ENTERPRISE_ONLY));
    }
}
