package cn.hnsw.common.admin;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryRole;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryUser;
import cn.hnsw.common.admin.IdentityDirectory.UserDraft;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The rules of the shared administration, without Spring or Keycloak: who may do what, and bad input first. */
class SystemAdministrationTest {

    private final IdentityDirectory directory = mock(IdentityDirectory.class);
    private final SystemAdministration admin = new SystemAdministration(directory, mock(MenuStore.class));

    private static CurrentActor actor(String id, String... roles) {
        return new CurrentActor(id, id, id, Set.of(roles), List.of(), null, null);
    }

    private static DirectoryUser user(String id, String... roles) {
        return new DirectoryUser(id, id, "张伟", id + "@example.cn", true, null, List.of(roles), List.of());
    }

    private static void refused(Object code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HnswException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @BeforeEach
    void roles() {
        when(directory.roles()).thenReturn(Roles.ALL.stream()
                .map(r -> new DirectoryRole(r, r, r, r, true)).toList());
    }

    @Test
    void onlyOperatorsAndPlatformAdministratorsAdminister() {
        CurrentActor officer = actor("u-officer", Roles.CUSTOMS_OFFICER);
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.users(officer, null, null, cn.hnsw.common.web.PageQuery.of(0, 20)));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.roles(officer));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.menus(officer));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.deleteUser(null, "u-1"));
        verify(directory, never()).deleteUser(anyString());
    }

    @Test
    void badUserInputIsRefusedWithEveryReasonBeforeTheDirectoryIsAsked() {
        CurrentActor ops = actor("u-ops", Roles.SW_OPERATOR);
        assertThatThrownBy(() -> admin.createUser(ops, new UserDraft("X", "", "nobody", "", List.of("root"), List.of())))
                .isInstanceOfSatisfying(HnswException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("username", "name", "email", "password", "roles"));
        verify(directory, never()).createUser(any());
    }

    @Test
    void onlyAPlatformAdministratorGrantsOrTouchesThePlatformAdministratorRole() {
        CurrentActor ops = actor("u-ops", Roles.SW_OPERATOR);
        CurrentActor root = actor("u-root", Roles.PLATFORM_ADMIN);
        when(directory.user("u-1")).thenReturn(user("u-1", Roles.CUSTOMS_OFFICER));
        when(directory.user("u-admin")).thenReturn(user("u-admin", Roles.PLATFORM_ADMIN));

        refused(AdminErrorCode.ROLE_NOT_ASSIGNABLE, () -> admin.setRoles(ops, "u-1",
                List.of(Roles.CUSTOMS_OFFICER, Roles.PLATFORM_ADMIN)));
        refused(AdminErrorCode.ROLE_NOT_ASSIGNABLE, () -> admin.createUser(ops, new UserDraft("new.admin", "云峰",
                "new.admin@example.cn", "Hnsw@2026x", List.of(Roles.PLATFORM_ADMIN), List.of())));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.setEnabled(ops, "u-admin", false));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.resetPassword(ops, "u-admin", "Hnsw@2026x", true));
        refused(CommonErrorCode.ACCESS_DENIED, () -> admin.deleteUser(ops, "u-admin"));
        verify(directory, never()).setRoles(anyString(), anyList());
        verify(directory, never()).setEnabled(anyString(), anyBoolean());
        verify(directory, never()).deleteUser(anyString());

        admin.setRoles(root, "u-1", List.of(Roles.CUSTOMS_OFFICER, Roles.PLATFORM_ADMIN));
        verify(directory).setRoles("u-1", List.of(Roles.CUSTOMS_OFFICER, Roles.PLATFORM_ADMIN));
        admin.setEnabled(root, "u-admin", false);
        verify(directory).setEnabled("u-admin", false);
    }

    @Test
    void nobodyDisablesDeletesOrReRolesTheirOwnAccount() {
        CurrentActor root = actor("u-root", Roles.PLATFORM_ADMIN);
        when(directory.user("u-root")).thenReturn(user("u-root", Roles.PLATFORM_ADMIN));
        refused(AdminErrorCode.USER_SELF, () -> admin.setEnabled(root, "u-root", false));
        refused(AdminErrorCode.USER_SELF, () -> admin.deleteUser(root, "u-root"));
        refused(AdminErrorCode.USER_SELF, () -> admin.setRoles(root, "u-root", List.of(Roles.SW_OPERATOR)));
        verify(directory, never()).setEnabled(anyString(), anyBoolean());
        verify(directory, never()).deleteUser(anyString());
        verify(directory, never()).setRoles(anyString(), anyList());
    }

    @Test
    void machineRoleNamesAreReserved() {
        CurrentActor ops = actor("u-ops", Roles.SW_OPERATOR);
        for (String name : List.of("partner-gate", "internal-service", "default-roles-hnsw")) {
            assertThatThrownBy(() -> admin.createRole(ops, new IdentityDirectory.RoleDraft(name, "保留", "Reserved")))
                    .as(name).isInstanceOfSatisfying(HnswException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::constraint).contains("Reserved"));
        }
        verify(directory, never()).createRole(any());
    }
}
