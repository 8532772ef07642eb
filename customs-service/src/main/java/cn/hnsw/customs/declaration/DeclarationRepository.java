package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Declarations and their items, with optimistic locking on the header's version. */
@Repository
public class DeclarationRepository {

    private static final String HEADER_COLUMNS = """
            declare_customs, entry_exit_customs, ledger_no, supervision_mode, levy_nature, levy_nature_confirmed,
            transport_mode, vessel_name, voyage_no, bill_of_lading_no, domestic_trader_uscc, domestic_trader_name,
            overseas_trader_name, declarant_uscc, declarant_name, trading_country, departure_country, port_code,
            transaction_mode, package_type, packages, gross_weight, net_weight, contract_no, remark, goods_attributes,
            verification_list_no""";

    private final JdbcClient jdbc;

    public DeclarationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 预录入编号: district (4) + year (4) + I/E flag (1) + serial (9) = 18 digits. */
    public String nextPreEntryNo(String district, DeclarationType.ImportExport direction, int year) {
        long serial = jdbc.sql("SELECT nextval('pre_entry_serial')").query(Long.class).single();
        String d = district != null && district.matches("\\d{4}") ? district : "6400";
        return d + year + (direction == DeclarationType.ImportExport.IMPORT ? "1" : "0") + String.format("%09d", serial % 1_000_000_000L);
    }

    public void insert(CustomsDeclaration d) {
        jdbc.sql("INSERT INTO customs_declaration (id, pre_entry_no, declaration_type, import_export, status, "
                        + "enterprise_uscc, enterprise_name, copied_from, created_at, updated_at, distribution_status, "
                        + HEADER_COLUMNS + ") VALUES (:id, :pre, :type, :ie, :status, :ent, :entName, :copied, :created, "
                        + ":updated, :dist, " + headerParams() + ")")
                .params(headerValues(d.header()))
                .param("id", d.id()).param("pre", d.preEntryNo()).param("type", d.type().name())
                .param("ie", d.importExport().name()).param("status", d.status().name())
                .param("ent", d.enterpriseUscc()).param("entName", d.enterpriseName()).param("copied", d.copiedFrom())
                .param("created", Timestamp.from(d.createdAt())).param("updated", Timestamp.from(d.updatedAt()))
                .param("dist", d.distributionStatus().name())
                .update();
        insertItems(d);
    }

    /** Saves state and content; refuses when someone saved the declaration since it was read. */
    public void update(CustomsDeclaration d) {
        StringBuilder sets = new StringBuilder();
        for (String column : HEADER_COLUMNS.split(",")) {
            String c = column.trim();
            sets.append(c).append(" = :").append(camel(c)).append(", ");
        }
        int rows = jdbc.sql("UPDATE customs_declaration SET " + sets + "status = :status, customs_no = :customsNo, "
                        + "conversation_id = :conv, distribution_status = :dist, distribution_count = :distCount, "
                        + "ledger_posted = :ledgerPosted, updated_at = :updated, submitted_at = :submitted, "
                        + "version = version + 1 WHERE id = :id AND version = :version")
                .params(headerValues(d.header()))
                .param("status", d.status().name()).param("customsNo", d.customsNo()).param("conv", d.conversationId())
                .param("dist", d.distributionStatus().name()).param("distCount", d.distributionCount())
                .param("ledgerPosted", d.ledgerPosted()).param("updated", Timestamp.from(d.updatedAt()))
                .param("submitted", d.submittedAt() == null ? null : Timestamp.from(d.submittedAt()))
                .param("id", d.id()).param("version", d.version())
                .update();
        if (rows == 0) {
            throw new HnswException(CustomsErrorCode.DECLARATION_MODIFIED);
        }
        jdbc.sql("DELETE FROM customs_declaration_item WHERE declaration_id = :id").param("id", d.id()).update();
        insertItems(d);
    }

    public Optional<CustomsDeclaration> find(UUID id) {
        return jdbc.sql("SELECT * FROM customs_declaration WHERE id = :id").param("id", id)
                .query(this::header).optional().map(this::withItems);
    }

    /** Reads and locks the row, for receipt handling that must not race another receipt. */
    public Optional<CustomsDeclaration> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM customs_declaration WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::header).optional().map(this::withItems);
    }

    public Optional<UUID> idByConversation(UUID conversationId) {
        return jdbc.sql("SELECT id FROM customs_declaration WHERE conversation_id = :c").param("c", conversationId)
                .query(UUID.class).optional();
    }

    public List<CustomsDeclaration> search(DeclarationSearch search, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(search, params);
        List<CustomsDeclaration> list = jdbc.sql("SELECT * FROM customs_declaration " + where
                        + " ORDER BY created_at DESC, pre_entry_no DESC OFFSET :offset LIMIT :limit")
                .params(params).param("offset", offset).param("limit", limit)
                .query(this::header).list();
        return list;
    }

    public long count(DeclarationSearch search) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM customs_declaration " + where(search, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(DeclarationSearch s, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("status <> 'DELETED'");
        if (s.enterprise() != null) {
            clauses.add("enterprise_uscc = :ent");
            params.put("ent", s.enterprise());
        }
        if (s.type() != null) {
            clauses.add("declaration_type = :type");
            params.put("type", s.type().name());
        }
        if (s.status() != null) {
            clauses.add("status = :status");
            params.put("status", s.status().name());
        }
        if (s.preEntryNo() != null) {
            clauses.add("pre_entry_no LIKE :pre");
            params.put("pre", s.preEntryNo() + "%");
        }
        if (s.billOfLadingNo() != null) {
            clauses.add("bill_of_lading_no = :bl");
            params.put("bl", s.billOfLadingNo());
        }
        if (s.from() != null) {
            clauses.add("created_at >= :from");
            params.put("from", Timestamp.from(s.from()));
        }
        if (s.to() != null) {
            clauses.add("created_at < :to");
            params.put("to", Timestamp.from(s.to()));
        }
        if (s.hsCode() != null) {
            clauses.add("EXISTS (SELECT 1 FROM customs_declaration_item i WHERE i.declaration_id = customs_declaration.id"
                    + " AND i.hs_code LIKE :hs)");
            params.put("hs", s.hsCode() + "%");
        }
        return "WHERE " + String.join(" AND ", clauses);
    }

    private void insertItems(CustomsDeclaration d) {
        for (DeclarationItem i : d.items()) {
            jdbc.sql("""
                    INSERT INTO customs_declaration_item (declaration_id, seq, hs_code, name_zh, specification, quantity,
                      unit, legal_quantity, legal_unit, second_quantity, second_unit, unit_price, total_price, currency,
                      origin_country, destination_country, levy_mode, gross_weight, net_weight, goods_attributes)
                    VALUES (:id, :seq, :hs, :name, :spec, :qty, :unit, :lqty, :lunit, :sqty, :sunit, :price, :total,
                      :cur, :origin, :dest, :levy, :gross, :net, :attrs)""")
                    .param("id", d.id()).param("seq", i.seq()).param("hs", i.hsCode()).param("name", i.name())
                    .param("spec", i.specification()).param("qty", i.quantity()).param("unit", i.unit())
                    .param("lqty", i.legalQuantity()).param("lunit", i.legalUnit()).param("sqty", i.secondQuantity())
                    .param("sunit", i.secondUnit()).param("price", i.unitPrice()).param("total", i.totalPrice())
                    .param("cur", i.currency()).param("origin", i.originCountry()).param("dest", i.destinationCountry())
                    .param("levy", i.levyMode()).param("gross", i.grossWeight()).param("net", i.netWeight())
                    .param("attrs", i.goodsAttributes())
                    .update();
        }
    }

    private CustomsDeclaration withItems(CustomsDeclaration header) {
        List<DeclarationItem> items = jdbc.sql("SELECT * FROM customs_declaration_item WHERE declaration_id = :id ORDER BY seq")
                .param("id", header.id())
                .query((rs, n) -> new DeclarationItem(rs.getInt("seq"), rs.getString("hs_code"), rs.getString("name_zh"),
                        rs.getString("specification"), rs.getBigDecimal("quantity"), rs.getString("unit"),
                        rs.getBigDecimal("legal_quantity"), rs.getString("legal_unit"),
                        rs.getBigDecimal("second_quantity"), rs.getString("second_unit"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("total_price"), rs.getString("currency"),
                        rs.getString("origin_country"), rs.getString("destination_country"), rs.getString("levy_mode"),
                        rs.getBigDecimal("gross_weight"), rs.getBigDecimal("net_weight"),
                        rs.getString("goods_attributes")))
                .list();
        return new CustomsDeclaration(header.id(), header.preEntryNo(), header.type(), header.importExport(),
                header.enterpriseUscc(), header.enterpriseName(), header.status(), header.header(), items,
                header.customsNo(), header.conversationId(), header.distributionStatus(), header.distributionCount(),
                header.ledgerPosted(), header.copiedFrom(), header.createdAt(), header.updatedAt(), header.submittedAt(),
                header.version());
    }

    private CustomsDeclaration header(ResultSet rs, int n) throws SQLException {
        DeclarationHeader h = new DeclarationHeader(rs.getString("declare_customs"), rs.getString("entry_exit_customs"),
                rs.getString("ledger_no"), rs.getString("supervision_mode"), rs.getString("levy_nature"),
                rs.getBoolean("levy_nature_confirmed"), rs.getString("transport_mode"), rs.getString("vessel_name"),
                rs.getString("voyage_no"), rs.getString("bill_of_lading_no"), rs.getString("domestic_trader_uscc"),
                rs.getString("domestic_trader_name"), rs.getString("overseas_trader_name"),
                rs.getString("declarant_uscc"), rs.getString("declarant_name"), rs.getString("trading_country"),
                rs.getString("departure_country"), rs.getString("port_code"), rs.getString("transaction_mode"),
                rs.getString("package_type"), (Integer) rs.getObject("packages"), rs.getBigDecimal("gross_weight"),
                rs.getBigDecimal("net_weight"), rs.getString("contract_no"), rs.getString("remark"),
                rs.getString("goods_attributes"), rs.getString("verification_list_no"));
        return new CustomsDeclaration(rs.getObject("id", UUID.class), rs.getString("pre_entry_no"),
                DeclarationType.valueOf(rs.getString("declaration_type")),
                DeclarationType.ImportExport.valueOf(rs.getString("import_export")), rs.getString("enterprise_uscc"),
                rs.getString("enterprise_name"), DeclarationStatus.valueOf(rs.getString("status")), h, List.of(),
                rs.getString("customs_no"), rs.getObject("conversation_id", UUID.class),
                CustomsDeclaration.DistributionStatus.valueOf(rs.getString("distribution_status")),
                rs.getInt("distribution_count"), rs.getBoolean("ledger_posted"),
                rs.getObject("copied_from", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "submitted_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String headerParams() {
        StringBuilder sb = new StringBuilder();
        for (String column : HEADER_COLUMNS.split(",")) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(':').append(camel(column.trim()));
        }
        return sb.toString();
    }

    private static Map<String, Object> headerValues(DeclarationHeader h) {
        Map<String, Object> values = new HashMap<>();
        for (String column : HEADER_COLUMNS.split(",")) {
            String name = camel(column.trim());
            values.put(name, name.equals("levyNatureConfirmed") ? h.levyNatureConfirmed() : h.field(name));
        }
        return values;
    }

    private static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
