package cn.hnsw.ledger.delegation;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.BusinessScope;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

@Repository
public class DelegationRepository {

    private final JdbcClient jdbc;

    public DelegationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Delegation d) {
        return jdbc.sql("""
                        INSERT INTO delegation (principal, principal_name, delegate, delegate_name, ledger_type, scopes, status,
                            valid_until, created_at)
                        VALUES (:p, :pn, :d, :dn, :t, string_to_array(:scopes, ','), :s, :until, :at) RETURNING id""")
                .param("p", d.principal()).param("pn", d.principalName()).param("d", d.delegate())
                .param("dn", d.delegateName()).param("t", d.ledgerType().name())
                .param("scopes", d.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("s", d.status().name()).param("until", d.validUntil() == null ? null : Date.valueOf(d.validUntil()))
                .param("at", Timestamp.from(d.createdAt())).query(Long.class).single();
    }

    public void updateStatus(long id, DelegationStatus status, String comment, Instant now) {
        jdbc.sql("UPDATE delegation SET status = :s, review_comment = coalesce(:c, review_comment), reviewed_at = :at WHERE id = :id")
                .param("s", status.name()).param("c", comment).param("at", Timestamp.from(now)).param("id", id).update();
    }

    /** 修改 of a delegation not yet reviewed. */
    public void update(long id, Delegation d) {
        jdbc.sql("""
                        UPDATE delegation SET principal_name = :pn, delegate = :d, delegate_name = :dn, ledger_type = :t,
                            scopes = string_to_array(:scopes, ','), valid_until = :until WHERE id = :id""")
                .param("pn", d.principalName()).param("d", d.delegate()).param("dn", d.delegateName())
                .param("t", d.ledgerType().name())
                .param("scopes", d.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("until", d.validUntil() == null ? null : Date.valueOf(d.validUntil())).param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM delegation WHERE id = :id").param("id", id).update();
    }

    public Delegation get(long id) {
        return jdbc.sql("SELECT * FROM delegation WHERE id = :id").param("id", id).query(DelegationRepository::map)
                .optional().orElseThrow(() -> new HnswException(LedgerErrorCode.DELEGATION_NOT_FOUND, id));
    }

    /** Delegations where {@code enterprise} is principal or delegate; all when {@code enterprise} is null. */
    public List<Delegation> list(String enterprise) {
        return jdbc.sql("SELECT * FROM delegation WHERE CAST(:e AS varchar) IS NULL OR principal = :e OR delegate = :e ORDER BY id DESC")
                .param("e", enterprise).query(DelegationRepository::map).list();
    }

    public List<Delegation> between(String delegate, String principal) {
        return jdbc.sql("SELECT * FROM delegation WHERE delegate = :d AND principal = :p")
                .param("d", delegate).param("p", principal).query(DelegationRepository::map).list();
    }

    static Delegation map(ResultSet rs, int n) throws SQLException {
        Array scopes = rs.getArray("scopes");
        Date until = rs.getDate("valid_until");
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Delegation(rs.getLong("id"), rs.getString("principal"), rs.getString("principal_name"),
                rs.getString("delegate"), rs.getString("delegate_name"), LedgerType.valueOf(rs.getString("ledger_type")),
                Arrays.stream((String[]) scopes.getArray()).map(BusinessScope::valueOf).collect(Collectors.toSet()),
                DelegationStatus.valueOf(rs.getString("status")), until == null ? null : until.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(), reviewed == null ? null : reviewed.toInstant(),
                rs.getString("review_comment"));
    }
}
