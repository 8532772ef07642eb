package cn.hnsw.customs.secondline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Arrival reports and the supervised sites they are filed at. */
@Repository
public class ArrivalReportRepository {

    private static final String SELECT = """
            SELECT a.*, s.operator_uscc, d.pre_entry_no FROM arrival_report a
              JOIN supervised_site s ON s.site_code = a.site_code
              LEFT JOIN customs_declaration d ON d.id = a.declaration_id""";

    private final JdbcClient jdbc;

    public ArrivalReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 海关监管作业场所. */
    public record Site(String siteCode, String nameZh, String nameEn, String customsCode, String operatorUscc,
                       String operatorName, boolean enabled) {
    }

    public Optional<Site> site(String code) {
        return jdbc.sql("SELECT * FROM supervised_site WHERE site_code = :c").param("c", code).query(this::mapSite).optional();
    }

    public List<Site> sites() {
        return jdbc.sql("SELECT * FROM supervised_site ORDER BY site_code").query(this::mapSite).list();
    }

    public void saveSite(Site s, String by) {
        jdbc.sql("""
                INSERT INTO supervised_site (site_code, name_zh, name_en, customs_code, operator_uscc, operator_name, enabled, updated_by)
                VALUES (:c, :zh, :en, :cu, :op, :opn, :e, :by)
                ON CONFLICT (site_code) DO UPDATE SET name_zh = :zh, name_en = :en, customs_code = :cu, operator_uscc = :op,
                  operator_name = :opn, enabled = :e, updated_at = now(), updated_by = :by""")
                .param("c", s.siteCode()).param("zh", s.nameZh()).param("en", s.nameEn()).param("cu", s.customsCode())
                .param("op", s.operatorUscc()).param("opn", s.operatorName()).param("e", s.enabled()).param("by", by)
                .update();
    }

    public long nextSerial() {
        return jdbc.sql("SELECT nextval('second_line_serial')").query(Long.class).single();
    }

    public void insert(ArrivalReport a) {
        jdbc.sql("""
                INSERT INTO arrival_report (id, report_no, site_code, operator_org, created_by, enterprise_uscc, declaration_id,
                  verification_list_no, vehicle_plate, container_no, gate_code, arrived_at, status, conversation_id,
                  created_at, updated_at)
                VALUES (:id, :no, :site, :org, :by, :e, :d, :list, :plate, :container, :gate, :arrived, 'DRAFT', :conv, :now, :now)""")
                .param("id", a.id()).param("no", a.reportNo()).param("site", a.siteCode()).param("org", a.operatorUscc())
                .param("by", a.createdBy()).param("e", a.enterpriseUscc()).param("d", a.declarationId())
                .param("list", a.verificationListNo()).param("plate", a.vehiclePlate()).param("container", a.containerNo())
                .param("gate", a.gateCode()).param("arrived", Timestamp.from(a.arrivedAt()))
                .param("conv", a.conversationId()).param("now", Timestamp.from(a.createdAt())).update();
    }

    public void edit(UUID id, String plate, String container, String gate, Instant arrivedAt, Instant now) {
        jdbc.sql("""
                UPDATE arrival_report SET vehicle_plate = :plate, container_no = :container, gate_code = :gate,
                  arrived_at = :arrived, updated_at = :now, version = version + 1 WHERE id = :id""")
                .param("id", id).param("plate", plate).param("container", container).param("gate", gate)
                .param("arrived", Timestamp.from(arrivedAt)).param("now", Timestamp.from(now)).update();
    }

    public void declared(UUID id, Instant now) {
        jdbc.sql("UPDATE arrival_report SET status = 'DECLARED', declared_at = :now, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Moves the report and records what a receipt said; null leaves a field as it is. */
    public void apply(UUID id, ArrivalReport.Status status, String control, String inspection, String vehicle,
                      String gatePass, Instant now) {
        jdbc.sql("""
                UPDATE arrival_report SET status = COALESCE(:s, status), control_decision = COALESCE(:c, control_decision),
                  inspection_result = COALESCE(:i, inspection_result), vehicle_status = COALESCE(:v, vehicle_status),
                  gate_pass_no = COALESCE(:g, gate_pass_no), updated_at = :now, version = version + 1 WHERE id = :id""")
                .param("id", id).param("s", status == null ? null : status.name()).param("c", control)
                .param("i", inspection).param("v", vehicle).param("g", gatePass).param("now", Timestamp.from(now))
                .update();
    }

    public Optional<ArrivalReport> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<ArrivalReport> byConversation(UUID conversation) {
        return jdbc.sql(SELECT + " WHERE a.conversation_id = :c").param("c", conversation).query(this::map).optional();
    }

    /** Reports the enterprise filed as site operator or that are about its goods; all when {@code enterprise} is null. */
    public List<ArrivalReport> search(String enterprise, String siteCode, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:e AS varchar) IS NULL OR a.enterprise_uscc = :e OR s.operator_uscc = :e)
                   AND (CAST(:site AS varchar) IS NULL OR a.site_code = :site)
                ORDER BY a.created_at DESC LIMIT :limit""")
                .param("e", enterprise).param("site", siteCode).param("limit", limit).query(this::map).list();
    }

    private ArrivalReport map(ResultSet rs, int n) throws SQLException {
        return new ArrivalReport(rs.getObject("id", UUID.class), rs.getString("report_no"), rs.getString("site_code"),
                rs.getString("operator_uscc"), rs.getString("created_by"), rs.getString("enterprise_uscc"),
                rs.getObject("declaration_id", UUID.class), rs.getString("pre_entry_no"),
                rs.getString("verification_list_no"), rs.getString("vehicle_plate"), rs.getString("container_no"),
                rs.getString("gate_code"), rs.getTimestamp("arrived_at").toInstant(),
                ArrivalReport.Status.valueOf(rs.getString("status")), rs.getObject("conversation_id", UUID.class),
                rs.getString("control_decision"), rs.getString("inspection_result"), rs.getString("vehicle_status"),
                rs.getString("gate_pass_no"), rs.getTimestamp("created_at").toInstant(),
                ConsolidatedListRepository.instant(rs, "declared_at"), rs.getTimestamp("updated_at").toInstant());
    }

    private Site mapSite(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getString("site_code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("customs_code"), rs.getString("operator_uscc"), rs.getString("operator_name"),
                rs.getBoolean("enabled"));
    }
}
