package cn.hnsw.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the built web app is ({@code hnsw.web.*}).
 *
 * @param dist      the output folder of {@code npm run build} in {@code web/} (e.g. {@code web/dist}); unset or missing,
 *                  the gateway answers {@code /} with a page saying the web app is not built
 * @param assetsDir the folder under {@code dist} whose file names carry a content hash (Vite's {@code build.assetsDir});
 *                  its files are cached by browsers for a year, everything else is revalidated on each use
 */
@ConfigurationProperties("hnsw.web")
public record WebAppProperties(Path dist, @DefaultValue("assets") String assetsDir) {

    public WebAppProperties {
        if (assetsDir.isBlank() || assetsDir.contains("..") || assetsDir.startsWith("/")) {
            throw new IllegalArgumentException("hnsw.web.assets-dir must be a plain folder name under dist: " + assetsDir);
        }
        // HNSW_WEB_DIST unset leaves an empty string, which must not become the working directory
        dist = dist == null || dist.toString().isBlank() ? null : dist.toAbsolutePath().normalize();
    }
}
