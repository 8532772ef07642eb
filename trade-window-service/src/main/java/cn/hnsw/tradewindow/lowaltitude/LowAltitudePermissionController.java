package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudePermissions.Group;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudePermissions.Member;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudePermissions.Menu;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudePermissions.Mine;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudePermissions.Relation;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * S2 权限管理: permission groups (add, edit, delete, assign menus, members), import and export of groups and of
 * group relations (Excel), a menu converted into a group, the menu resources, the interface list and what the
 * current user may open.
 */
@RestController
@Validated
@RequestMapping(LowAltitudePermissionController.ROOT + "/permissions")
class LowAltitudePermissionController {

    static final String ROOT = "/api/trade-window/v1/low-altitude";
    private static final long MAX_IMPORT_BYTES = 2L * 1024 * 1024;
    private static final List<String> GROUP_HEADERS = List.of("编码 Code", "中文名称 Name (zh)", "英文名称 Name (en)",
            "说明 Description", "菜单 Menus");
    private static final List<String> RELATION_HEADERS = List.of("权限组 Group", "类型 Type (USER/ORGANIZATION)",
            "用户或机构 User or organisation");

    private final LowAltitudePermissions permissions;
    private final RequestMappingHandlerMapping mappings;

    LowAltitudePermissionController(LowAltitudePermissions permissions,
                                    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.permissions = permissions;
        this.mappings = mappings;
    }

    record GroupRequest(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                        @Size(max = 500) String description) {
    }

    record MenusRequest(@NotNull @Size(max = 100) List<@Pattern(regexp = LowAltitudePermissions.CODE) String> menus) {
    }

    record MemberRequest(@NotNull @Pattern(regexp = "USER|ORGANIZATION") String type,
                         @NotBlank @Size(max = 200) String member) {
    }

    record MembersRequest(@NotNull @Size(max = 500) List<@Valid MemberRequest> members) {
    }

    /** One API endpoint of the low-altitude system: method, path, the handler, and the menu it belongs to. */
    record Interface(String method, String path, String handler, String menu) {
    }

    @GetMapping("/groups")
    List<Group> groups(@RequestParam(required = false) @Size(max = 100) String keyword) {
        return permissions.groups(Actors.current(), keyword);
    }

    @GetMapping("/groups/{code}")
    Group group(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code) {
        return permissions.group(Actors.current(), code);
    }

    @PutMapping("/groups/{code}")
    Group save(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code,
               @Valid @RequestBody GroupRequest r) {
        return permissions.save(Actors.current(), code, r.nameZh(), r.nameEn(), r.description());
    }

    @DeleteMapping("/groups/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code) {
        permissions.delete(Actors.current(), code);
    }

    @PutMapping("/groups/{code}/menus")
    Group assignMenus(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code,
                      @Valid @RequestBody MenusRequest r) {
        return permissions.assignMenus(Actors.current(), code, r.menus());
    }

    @PutMapping("/groups/{code}/members")
    Group assignMembers(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code,
                        @Valid @RequestBody MembersRequest r) {
        return permissions.assignMembers(Actors.current(), code,
                r.members().stream().map(m -> new Member(m.type(), m.member().strip())).toList());
    }

    @GetMapping("/groups/export")
    ResponseEntity<byte[]> exportGroups() {
        byte[] body = Xlsx.write("权限组", GROUP_HEADERS, permissions.groups(Actors.current(), null),
                g -> new Object[]{g.code(), g.nameZh(), g.nameEn(), g.description(), String.join(",", g.menus())});
        return LowAltitudeLogController.file("low-altitude-permission-groups", "xlsx", false, body);
    }

    @GetMapping("/relations/export")
    ResponseEntity<byte[]> exportRelations() {
        byte[] body = Xlsx.write("权限组关系", RELATION_HEADERS, permissions.relations(Actors.current()),
                r -> new Object[]{r.groupCode(), r.type(), r.member()});
        return LowAltitudeLogController.file("low-altitude-permission-relations", "xlsx", false, body);
    }

    /** 权限组信息导入: the sheet of {@link #exportGroups()}; creates or updates every group, all or nothing. */
    @PostMapping(path = "/groups/import", consumes = "multipart/form-data")
    Map<String, Integer> importGroups(@RequestPart("file") MultipartFile file) {
        List<Group> groups = new ArrayList<>();
        for (List<String> row : Xlsx.read(bytes(file), GROUP_HEADERS.size())) {
            groups.add(new Group(row.get(0), row.get(1), row.get(2), row.get(3).isBlank() ? null : row.get(3), null,
                    LowAltitudePermissions.splitMenus(row.get(4)), List.of(), null, null));
        }
        return Map.of("imported", permissions.importGroups(Actors.current(), groups));
    }

    /** 权限组关系信息导入: the sheet of {@link #exportRelations()}; adds every relation, all or nothing. */
    @PostMapping(path = "/relations/import", consumes = "multipart/form-data")
    Map<String, Integer> importRelations(@RequestPart("file") MultipartFile file) {
        List<Relation> relations = Xlsx.read(bytes(file), RELATION_HEADERS.size()).stream()
                .map(row -> new Relation(row.get(0), row.get(1), row.get(2))).toList();
        return Map.of("added", permissions.importRelations(Actors.current(), relations));
    }

    @GetMapping("/menus")
    List<Menu> menus(@RequestParam(required = false) @Size(max = 100) String keyword) {
        return permissions.menus(Actors.current(), keyword);
    }

    /** 菜单转换成权限组. */
    @PostMapping("/menus/{code}/group")
    Group fromMenu(@PathVariable @Pattern(regexp = LowAltitudePermissions.CODE) String code) {
        return permissions.fromMenu(Actors.current(), code);
    }

    /** 接口信息查询: the low-altitude system's API endpoints as the application maps them, with their menus. */
    @GetMapping("/interfaces")
    List<Interface> interfaces(@RequestParam(required = false) @Size(max = 100) String keyword) {
        List<Menu> menus = permissions.menus(Actors.current(), null);
        List<Interface> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> e
                : mappings.getHandlerMethods().entrySet()) {
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith(ROOT + "/")) {
                    continue;
                }
                String relative = path.substring(ROOT.length());
                String menu = menus.stream().filter(m -> m.apiPrefix() != null && relative.startsWith(m.apiPrefix()))
                        .map(Menu::code).findFirst().orElse(null);
                String handler = e.getValue().getBeanType().getSimpleName() + "#" + e.getValue().getMethod().getName();
                List<String> methods = e.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList();
                for (String method : methods.isEmpty() ? List.of("ANY") : methods) {
                    Interface i = new Interface(method, path, handler, menu);
                    if (keyword == null || keyword.isBlank() || path.contains(keyword.strip())
                            || handler.toLowerCase().contains(keyword.strip().toLowerCase())) {
                        out.add(i);
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Interface::path).thenComparing(Interface::method));
        return out;
    }

    /** What the current user may open (the screens hide the other menus). */
    @GetMapping("/mine")
    Mine mine() {
        return permissions.mine(Actors.current());
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.isEmpty() || file.getSize() > MAX_IMPORT_BYTES) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
    }
}
