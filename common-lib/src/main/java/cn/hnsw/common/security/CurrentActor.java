package cn.hnsw.common.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is acting: taken from the Keycloak access token. {@code enterprise} is the unified social credit code of the
 * user's enterprise (claim {@code enterprise}), present only for enterprise users; {@code organizations} are the
 * Keycloak group paths of the user's organisations (customs office, county government…).
 */
public record CurrentActor(
        String userId,
        String username,
        String displayName,
        Set<String> roles,
        List<String> organizations,
        String enterprise,
        String sessionId) {

    public static CurrentActor from(Jwt jwt) {
        return new CurrentActor(
                jwt.getSubject(),
                firstNonBlank(jwt.getClaimAsString("preferred_username"), jwt.getSubject()),
                firstNonBlank(jwt.getClaimAsString("name"), jwt.getClaimAsString("preferred_username")),
                realmRoles(jwt),
                organizations(jwt),
                blankToNull(jwt.getClaimAsString("enterprise")),
                blankToNull(jwt.getClaimAsString("sid")));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Collection<String> candidates) {
        return candidates.stream().anyMatch(roles::contains);
    }

    /** An enterprise user: sees only the records of {@link #enterprise()}. */
    public boolean isEnterpriseUser() {
        return hasAnyRole(Roles.ENTERPRISE_ROLES);
    }

    /** The first organisation, for logs and audit rows. */
    public String primaryOrganization() {
        return organizations.isEmpty() ? null : organizations.get(0);
    }

    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        Set<String> roles = new TreeSet<>();
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> values) {
            values.forEach(v -> roles.add(String.valueOf(v)));
        }
        return Set.copyOf(roles);
    }

    private static List<String> organizations(Jwt jwt) {
        Object claim = jwt.getClaims().get("organization");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
