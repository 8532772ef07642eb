package cn.hnsw.keycloak;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts into the token whether the user ticked "remember me" (记住我) on the login form.
 *
 * <p>Keycloak keeps that choice on the user session ({@link UserSessionModel#isRememberMe()}) and uses it only for the
 * realm's own SSO timeouts; it is no user-session note, so the built-in "User Session Note" mapper cannot read it. The
 * services need it: the low-altitude reporting system (S2) ends a login session idle past its configured timeout unless
 * the user asked to be remembered. The claim is a JSON boolean, present on every token of the session (renewals
 * included), {@code true} or {@code false}.
 */
public final class RememberMeClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "hnsw-remember-me-mapper";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RememberMeClaimMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Remember me (记住我)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Whether the user ticked remember me at login, as a boolean claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        if (userSession == null) {
            return;
        }
        token.getOtherClaims().put(claimName(mappingModel), userSession.isRememberMe());
    }

    private static String claimName(ProtocolMapperModel model) {
        String configured = model.getConfig() == null ? null : model.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        return configured == null || configured.isBlank() ? "remember_me" : configured;
    }
}
