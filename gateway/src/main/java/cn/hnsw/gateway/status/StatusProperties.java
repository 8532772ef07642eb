package cn.hnsw.gateway.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The public status API ({@code hnsw.gateway.status.*}).
 *
 * @param simulatorsUri  base URI of the simulators, whose {@code /api/simulators/v1/partner-links} reports each
 *                       partner link; unset, partners are reported {@code UNKNOWN}
 * @param cacheTtl       how long one round of checks is served to everyone; the page is public, so without this it
 *                       would be a way to make the gateway hammer every service
 * @param connectTimeout for each check
 * @param timeout        for each check, whole answer; a service slower than this is DOWN for the status page
 */
@ConfigurationProperties("hnsw.gateway.status")
public record StatusProperties(
        URI simulatorsUri,
        @DefaultValue("5s") Duration cacheTtl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration timeout) {

    public StatusProperties {
        // HNSW_SIMULATORS_URL set to nothing means no simulators, not a relative URI
        simulatorsUri = simulatorsUri == null || simulatorsUri.toString().isBlank() ? null : simulatorsUri;
    }
}
