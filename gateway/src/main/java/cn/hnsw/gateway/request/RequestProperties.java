package cn.hnsw.gateway.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * What the gateway does to every incoming request before routing it.
 *
 * @param internalHeaders headers only the platform itself may set (e.g. the internal-call marker); removed from
 *                        every outside request so that nobody can forge them
 * @param maxBodySize     bodies over this are refused with 413 at the gateway, before a service spends anything on them
 */
@ConfigurationProperties("hnsw.gateway.request")
public record RequestProperties(
        @DefaultValue("X-Internal-Call") List<String> internalHeaders,
        @DefaultValue("20MB") DataSize maxBodySize) {

    public RequestProperties {
        internalHeaders = List.copyOf(internalHeaders);
    }

    /** The limit as people write it, 4KB or 20MB, in common-lib's wording of the 413 message. */
    public String maxBodySizeForPeople() {
        long bytes = maxBodySize.toBytes();
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return maxBodySize.toMegabytes() + "MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return maxBodySize.toKilobytes() + "KB";
        }
        return bytes + "B";
    }
}
