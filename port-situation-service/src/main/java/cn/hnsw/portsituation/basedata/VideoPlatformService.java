package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/** 视频转码管理 — 联网平台 (FP 582–588): the networked video platforms: add, edit, delete, query, view. */
@Service
public class VideoPlatformService {

    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.PLATFORM_INVALID;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
    private static final Pattern GB_ID = Pattern.compile("\\d{20}");

    private final VideoPlatformRepository platforms;
    private final Clock clock;

    public VideoPlatformService(VideoPlatformRepository platforms, Clock clock) {
        this.platforms = platforms;
        this.clock = clock;
    }

    /** What an operator enters. */
    public record Input(String code, String nameZh, String nameEn, String protocol, String host, Integer port,
                        String gbDeviceId, String portCode, Boolean enabled) {
    }

    @Transactional
    public VideoPlatform create(Input in, String by) {
        VideoPlatform p = check(in, UUID.randomUUID(), by);
        if (platforms.codeTaken(p.code())) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, p.code());
        }
        platforms.save(p);
        return get(p.id());
    }

    @Transactional
    public VideoPlatform update(UUID id, Input in, String by) {
        VideoPlatform existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        platforms.save(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.protocol(), in.host(), in.port(),
                in.gbDeviceId(), in.portCode(), in.enabled()), id, by));
        return get(id);
    }

    public VideoPlatform get(UUID id) {
        return platforms.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.PLATFORM_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        platforms.delete(id);
    }

    private VideoPlatform check(Input in, UUID id, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        VideoPlatform.Protocol protocol = Checks.oneOf(VideoPlatform.Protocol.class, in.protocol(), "protocol / 协议",
                INVALID);
        String host = in.host() == null ? "" : in.host().strip();
        if (!HOST.matcher(host).matches()) {
            throw new HnswException(INVALID, "host: a host name or IP address / 地址须为主机名或 IP");
        }
        if (in.port() == null || in.port() < 1 || in.port() > 65535) {
            throw new HnswException(INVALID, "port: 1–65535 / 端口为 1–65535");
        }
        String gb = in.gbDeviceId() == null || in.gbDeviceId().isBlank() ? null : in.gbDeviceId().strip();
        if (protocol == VideoPlatform.Protocol.GB28181 && (gb == null || !GB_ID.matcher(gb).matches())) {
            throw new HnswException(INVALID, "a GB/T 28181 platform has a 20-digit device code / 国标平台须有 20 位编码");
        }
        if (protocol != VideoPlatform.Protocol.GB28181 && gb != null) {
            throw new HnswException(INVALID, "only a GB/T 28181 platform has a device code / 仅国标平台有设备编码");
        }
        String port = in.portCode() == null || in.portCode().isBlank() ? null : in.portCode().strip();
        if (port != null && !platforms.portExists(port)) {
            throw new HnswException(INVALID, "port: one of the ports' codes / 口岸编码不存在");
        }
        return new VideoPlatform(id, code, nameZh, nameEn, protocol, host, in.port(), gb, port,
                in.enabled() == null || in.enabled(), by, clock.instant());
    }
}
