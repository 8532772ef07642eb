package cn.hnsw.simulators.sealed;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;

/**
 * Who may post sealed messages to a simulated partner: machine clients only. The seal authenticates the platform as
 * the author of the message; the bearer token authenticates the caller at the door, as the gateway and every
 * service require (ARCHITECTURE.md §3), so an anonymous client cannot make the simulators spend SM2 operations or
 * sleep through simulated latency. Platform services call with a service-client token carrying
 * {@value #INTERNAL_SERVICE}; partner clients (client credentials, realm roles {@value #PARTNER_ROLE_PREFIX}…) may
 * too, so that tests can play a partner system. People (officers, travellers, operators) may not.
 */
public final class MachineCallers {

    /** Realm role of the platform's service clients (Keycloak service accounts). */
    public static final String INTERNAL_SERVICE = "internal-service";
    /** Prefix of the realm roles of partner clients, e.g. {@code partner-gate}, {@code partner-bank}. */
    public static final String PARTNER_ROLE_PREFIX = "partner-";

    private MachineCallers() {
    }

    public static boolean mayCall(CurrentActor actor) {
        return actor.roles().stream().anyMatch(r -> r.equals(INTERNAL_SERVICE) || r.startsWith(PARTNER_ROLE_PREFIX));
    }

    /** Refuses with 403 {@code ACCESS_DENIED} unless {@code actor} is a machine client. */
    public static void require(CurrentActor actor) {
        if (!mayCall(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }
}
