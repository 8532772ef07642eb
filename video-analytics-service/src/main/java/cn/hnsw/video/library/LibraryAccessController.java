package cn.hnsw.video.library;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 特征库管理 — 公安网接入地址 新增/修改/删除/查询 (FP 422–425): the address at which the public-security network
 * reaches a feature library; administrators keep them, officers read them.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/feature-library-access")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class LibraryAccessController {

    record AccessAddress(UUID id, FeatureLibraryType library, String name, String address, boolean enabled,
            String createdBy, Instant updatedAt) {
    }

    record AccessRequest(@NotBlank String library, @NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 512) String address, Boolean enabled) {
    }

    private final JdbcTemplate jdbc;

    LibraryAccessController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    AccessAddress add(@Valid @RequestBody AccessRequest r) {
        UUID id = UUID.randomUUID();
        String address = address(r.address());
        try {
            jdbc.update("INSERT INTO feature_library_access (id, library, name, address, enabled, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id, FaceLibraryController.library(r.library()).name(),
                    r.name().trim(), address, r.enabled() == null || r.enabled(), Actors.current().username());
        } catch (DuplicateKeyException e) {
            throw new HnswException(VideoErrorCode.ACCESS_ADDRESS_TAKEN, address);
        }
        return find(id);
    }

    @GetMapping
    List<AccessAddress> list(@RequestParam(required = false) String library) {
        String lib = library == null || library.isBlank() ? null : FaceLibraryController.library(library).name();
        return jdbc.query("SELECT * FROM feature_library_access WHERE (?::text IS NULL OR library = ?) "
                + "ORDER BY library, name", this::map, lib, lib);
    }

    @GetMapping("/{id}")
    AccessAddress get(@PathVariable UUID id) {
        return find(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    AccessAddress modify(@PathVariable UUID id, @Valid @RequestBody AccessRequest r) {
        AccessAddress old = find(id);
        String address = address(r.address());
        try {
            jdbc.update("UPDATE feature_library_access SET library = ?, name = ?, address = ?, enabled = ?, "
                    + "updated_at = now() WHERE id = ?", FaceLibraryController.library(r.library()).name(),
                    r.name().trim(), address, r.enabled() == null ? old.enabled() : r.enabled(), id);
        } catch (DuplicateKeyException e) {
            throw new HnswException(VideoErrorCode.ACCESS_ADDRESS_TAKEN, address);
        }
        return find(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable UUID id) {
        if (jdbc.update("DELETE FROM feature_library_access WHERE id = ?", id) == 0) {
            throw new HnswException(VideoErrorCode.ACCESS_ADDRESS_NOT_FOUND, id);
        }
    }

    /** An http(s) address with a host and no user information, as stored. */
    static String address(String raw) {
        String a = raw.trim();
        try {
            URI uri = new URI(a);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new HnswException(VideoErrorCode.ACCESS_ADDRESS_INVALID, a);
            }
            return a;
        } catch (URISyntaxException e) {
            throw new HnswException(VideoErrorCode.ACCESS_ADDRESS_INVALID, a);
        }
    }

    private AccessAddress find(UUID id) {
        return jdbc.query("SELECT * FROM feature_library_access WHERE id = ?", this::map, id).stream().findFirst()
                .orElseThrow(() -> new HnswException(VideoErrorCode.ACCESS_ADDRESS_NOT_FOUND, id));
    }

    private AccessAddress map(ResultSet rs, int row) throws SQLException {
        return new AccessAddress(rs.getObject("id", UUID.class), FeatureLibraryType.valueOf(rs.getString("library")),
                rs.getString("name"), rs.getString("address"), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
