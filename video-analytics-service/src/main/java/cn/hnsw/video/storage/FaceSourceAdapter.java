package cn.hnsw.video.storage;

import java.util.List;

/**
 * An external source of people with their ID photos (人口/身份证信息源) that the face base library imports from. The
 * platform reads it in pages; a retry asks for named records again. Implemented over sealed messages by
 * {@link SealedFaceSourceAdapter}; a source that cannot be reached throws an {@code HnswException} with
 * {@code FACE_SOURCE_UNAVAILABLE}.
 */
public interface FaceSourceAdapter {

    /** One person as the source holds them; any field may be missing, {@code photo} may be any bytes or null. */
    record SourceRecord(String externalId, String personCode, String name, String idNo, byte[] photo) {
    }

    /** A page of records and how many the source holds in all. */
    record SourcePage(int total, List<SourceRecord> records) {
    }

    SourcePage page(String partnerId, int offset, int limit);

    /** The named records the source still holds (those it no longer holds are left out). */
    List<SourceRecord> records(String partnerId, List<String> externalIds);
}
