package cn.hnsw.testsupport.embedded;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An S3-compatible object store (S3Proxy on the file system) for tests and the local stack. Services reach it through
 * the MinIO client exactly as they reach MinIO in production, with AWS signature V4.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY = "hnsw-local";
    public static final String DEFAULT_SECRET_KEY = "hnsw-local-secret";

    private final S3Proxy proxy;
    private final int port;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, int port, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3Server startTemporary() {
        try {
            return start(Files.createTempDirectory("hnsw-s3-"), FreePorts.find(), DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmbeddedS3Server start(Path baseDir, int port, String accessKey, String secretKey) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        BlobStore blobStore = ContextBuilder.newBuilder("filesystem")
                .overrides(overrides)
                .build(BlobStoreContext.class)
                .getBlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!proxy.getState().equals("STARTED")) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start on port " + port);
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3 server did not start on port " + port + " / 对象存储未能启动", e);
        }
        return new EmbeddedS3Server(proxy, port, accessKey, secretKey);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
