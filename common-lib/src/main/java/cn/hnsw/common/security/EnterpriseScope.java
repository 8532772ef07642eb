package cn.hnsw.common.security;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;

import java.util.Optional;

/**
 * 数据权限隔离 — data isolation. An enterprise user reads and writes only records of its own enterprise (its unified
 * social credit code); officers are not restricted by enterprise here (their role and organisation rules apply).
 */
public final class EnterpriseScope {

    private EnterpriseScope() {
    }

    /**
     * The enterprise every query of this actor must be restricted to, or empty when the actor is not an enterprise
     * user. An enterprise user without an enterprise claim is refused rather than shown everything.
     */
    public static Optional<String> restrictionFor(CurrentActor actor) {
        if (!actor.isEnterpriseUser()) {
            return Optional.empty();
        }
        if (actor.enterprise() == null) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return Optional.of(actor.enterprise());
    }

    /** Refuses when an enterprise user touches another enterprise's record. */
    public static void check(CurrentActor actor, String recordEnterprise) {
        restrictionFor(actor).ifPresent(own -> {
            if (!own.equals(recordEnterprise)) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
        });
    }
}
