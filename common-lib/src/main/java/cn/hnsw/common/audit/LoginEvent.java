package cn.hnsw.common.audit;

/** What a login log row records. A token refused by the service is logged too. */
public enum LoginEvent {
    LOGIN,
    LOGOUT,
    TOKEN_REJECTED
}
