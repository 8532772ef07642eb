package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 场所标签管理 (FP 576–581): labels and the business data they are put on. Every linked thing must exist: a label is
 * never put on a port, area, zone, point, camera or gate that is not there, and a label of a port only on that port's
 * records.
 */
@Service
public class SiteLabelService {

    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.LABEL_INVALID;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final SiteLabelRepository labels;
    private final Clock clock;

    public SiteLabelService(SiteLabelRepository labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    /** What an operator enters. */
    public record Input(String code, String nameZh, String nameEn, String color, String description,
                        String portCode, List<LinkInput> links) {
    }

    /** One thing to label. */
    public record LinkInput(String targetType, String targetCode) {
    }

    @Transactional
    public SiteLabel create(Input in, String by) {
        SiteLabel l = check(in, UUID.randomUUID(), by);
        if (labels.codeTaken(l.code())) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, l.code());
        }
        labels.save(l);
        return get(l.id());
    }

    @Transactional
    public SiteLabel update(UUID id, Input in, String by) {
        SiteLabel existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        labels.save(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.color(), in.description(),
                in.portCode(), in.links()), id, by));
        return get(id);
    }

    public SiteLabel get(UUID id) {
        return labels.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.LABEL_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        labels.delete(id);
    }

    private SiteLabel check(Input in, UUID id, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        String color = in.color() == null || in.color().isBlank() ? "#409EFF" : in.color().strip();
        if (!COLOR.matcher(color).matches()) {
            throw new HnswException(INVALID, "colour: #RRGGBB / 颜色格式为 #RRGGBB");
        }
        String description = Checks.optional(in.description(), 1000, "description / 说明", INVALID);
        String port = in.portCode() == null || in.portCode().isBlank() ? null : in.portCode().strip();
        if (port != null && !labels.portExists(port)) {
            throw new HnswException(INVALID, "port: one of the ports' codes / 口岸编码不存在");
        }
        List<LinkInput> given = in.links() == null ? List.of() : in.links();
        if (given.size() > 500) {
            throw new HnswException(INVALID, "at most 500 linked records / 至多关联 500 条业务数据");
        }
        Set<SiteLabel.Link> links = new LinkedHashSet<>();
        for (LinkInput li : given) {
            if (li == null) {
                throw new HnswException(INVALID, "a link names a type and a code / 关联须有类型和编号");
            }
            SiteLabel.TargetType type = Checks.oneOf(SiteLabel.TargetType.class, li.targetType(), "link type / 关联类型",
                    INVALID);
            String target = li.targetCode() == null ? "" : li.targetCode().strip();
            SiteLabel.Link link = new SiteLabel.Link(type, target);
            if (target.isEmpty() || !labels.targetExists(link)) {
                throw new HnswException(INVALID, type + " " + target + " does not exist / 关联的业务数据不存在");
            }
            if (port != null && !labels.targetOfPort(link, port)) {
                throw new HnswException(INVALID, type + " " + target + " is not of port " + port
                        + " / 关联的业务数据不属于口岸 " + port);
            }
            links.add(link);
        }
        return new SiteLabel(id, code, nameZh, nameEn, color, description, port, new ArrayList<>(links), by, clock.instant());
    }
}
