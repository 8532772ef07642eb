package cn.hnsw.common.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attachments, snapshots, certificates and exports in S3-compatible object storage (MinIO in production, S3Proxy in
 * the local stack and tests), through the MinIO client. Buckets are created on first use.
 */
public class ObjectStorage {

    private final MinioClient client;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    public ObjectStorage(MinioClient client) {
        this.client = client;
    }

    public record StoredObject(String bucket, String key, long size, String contentType) {
    }

    public StoredObject put(String bucket, String key, byte[] content, String contentType) {
        ensureBucket(bucket);
        return call(() -> {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType(contentType).build());
            return new StoredObject(bucket, key, content.length, contentType);
        });
    }

    public byte[] get(String bucket, String key) {
        return call(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return in.readAllBytes();
            }
        });
    }

    public boolean exists(String bucket, String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "NoSuchObject".equals(code)) {
                return false;
            }
            throw new ObjectStorageException("stat " + bucket + "/" + key, e);
        } catch (Exception e) {
            throw new ObjectStorageException("stat " + bucket + "/" + key, e);
        }
    }

    public void delete(String bucket, String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** A time-limited download link, so browsers fetch large files straight from storage. */
    public String downloadUrl(String bucket, String key, Duration validity) {
        return call(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET).bucket(bucket).object(key).expiry((int) validity.toSeconds()).build()));
    }

    private void ensureBucket(String bucket) {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            return null;
        });
        knownBuckets.add(bucket);
    }

    private interface StorageCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(StorageCall<T> call) {
        try {
            return call.run();
        } catch (ObjectStorageException e) {
            throw e;
        } catch (Exception e) {
            throw new ObjectStorageException(e.getMessage(), e);
        }
    }

    /** Storage unreachable or refused: a 5xx for the caller, with the cause in the log. */
    public static class ObjectStorageException extends RuntimeException {
        public ObjectStorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
