package cn.hnsw.common.partner;

import java.util.Optional;

/** The bearer token this service presents to a partner (or to another service): its own identity, not a user's. */
public interface ServiceTokenProvider {

    /** A valid access token, or empty when the service has no client configured. */
    Optional<String> token();

    /** Forgets the cached token (after a 401), so that the next call fetches a fresh one. */
    void invalidate();
}
