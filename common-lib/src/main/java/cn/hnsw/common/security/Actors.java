package cn.hnsw.common.security;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/** The actor of the current request. */
public final class Actors {

    private Actors() {
    }

    public static Optional<CurrentActor> currentIfAny() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(CurrentActor.from(token.getToken()));
        }
        return Optional.empty();
    }

    /** The signed-in actor; refuses with 401 when there is none. */
    public static CurrentActor current() {
        return currentIfAny().orElseThrow(() -> new HnswException(CommonErrorCode.UNAUTHENTICATED));
    }
}
