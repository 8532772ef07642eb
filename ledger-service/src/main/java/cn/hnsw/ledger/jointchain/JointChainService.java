package cn.hnsw.ledger.jointchain;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.credit.CreditGateway;
import cn.hnsw.ledger.credit.CreditProfile;
import cn.hnsw.ledger.customs.CustomsAck;
import cn.hnsw.ledger.customs.CustomsDeclarationMessage;
import cn.hnsw.ledger.customs.CustomsReceiptMessage;
import cn.hnsw.ledger.customs.GoldenCustomsGateway;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DeclarationGuard;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.document.DocumentTypes;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.jointchain.JointChain.Member;
import cn.hnsw.ledger.jointchain.JointChain.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 联合加工增值产业链备案 (FP 1611–1640, rule R8): the initiator declares the chain of enterprises in chain order; each
 * other enterprise sees a pending confirmation in its own view and confirms, or refuses with a reason, or cancels its
 * decision (FP 1629–1633). An enterprise that is not on a chain can neither see nor decide it (it does not exist for
 * it). Only a chain every member confirmed can be named by a cumulative-code filing ({@link #beforeDeclare}).
 */
@Service
public class JointChainService implements DeclarationGuard {

    private static final Logger log = LoggerFactory.getLogger(JointChainService.class);
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String AGGREGATE = "JointValueAddedChain";
    /** The header field of a cumulative-code filing that names its chain. */
    public static final String HEADER_FIELD = "jointChainNo";

    private final JdbcClient jdbc;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final ObjectProvider<GoldenCustomsGateway> customs;
    private final CreditGateway credit;
    private final Environment environment;

    public JointChainService(JdbcClient jdbc, OutboxPublisher outbox, Clock clock,
                             ObjectProvider<GoldenCustomsGateway> customs, CreditGateway credit, Environment environment) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.customs = customs;
        this.credit = credit;
        this.environment = environment;
    }

    /** The document type a chain has in the messages to 金关二期. */
    public static final String CUSTOMS_TYPE = "JOINT_CHAIN";

    public record MemberInput(String enterprise, String enterpriseName, String step) {
    }

    public record NewChain(String name, String productHsCode, String productName, List<MemberInput> members) {
    }

    @Transactional
    public JointChain create(CurrentActor actor, NewChain request) {
        String initiator = DocumentAccess.ownEnterprise(actor);
        List<MemberInput> members = validate(initiator, request);
        Instant now = clock.instant();
        long seq = jdbc.sql("SELECT nextval('joint_chain_no_seq')").query(Long.class).single();
        String chainNo = "JC" + now.atZone(SHANGHAI).getYear() + String.format("%06d", seq);
        long id = jdbc.sql("""
                        INSERT INTO joint_chain (chain_no, initiator, name, product_hs_code, product_name, status, created_by,
                            created_at, updated_at)
                        VALUES (:no, :i, :n, :hs, :pn, 'AWAITING_CONFIRMATION', :by, :at, :at) RETURNING id""")
                .param("no", chainNo).param("i", initiator).param("n", request.name())
                .param("hs", request.productHsCode()).param("pn", request.productName())
                .param("by", actor.username()).param("at", Timestamp.from(now)).query(Long.class).single();
        insertMembers(actor, id, initiator, members, now);
        JointChain chain = load(id);
        requestConfirmations(chain);
        log.info("event=joint-chain-declared chain={} initiator={} members={}", chainNo, initiator, members.size());
        return chain;
    }

    /**
     * 联合加工增值产业链备案修改: the initiator changes a chain that is not confirmed by all yet (or was refused); every
     * partner decides again on the new content.
     */
    @Transactional
    public JointChain update(CurrentActor actor, long id, NewChain request) {
        String initiator = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, initiator);
        if (!chain.initiator().equals(initiator)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        // a confirmed chain is changed only after customs decided on it (审批通过变更 1627, or after an anomaly)
        boolean afterCustoms = chain.customsStatus() == JointChain.CustomsStatus.APPROVED
                || chain.customsStatus() == JointChain.CustomsStatus.ANOMALY;
        if (chain.status() == JointChainStatus.VOIDED || (chain.status() == JointChainStatus.CONFIRMED && !afterCustoms)
                || chain.customsStatus() == JointChain.CustomsStatus.PENDING_APPROVAL) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name()
                    + "/" + chain.customsStatus().name(), "修改 / modify");
        }
        List<MemberInput> members = validate(initiator, request);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM joint_chain_member WHERE chain_id = :c").param("c", id).update();
        jdbc.sql("""
                        UPDATE joint_chain SET name = :n, product_hs_code = :hs, product_name = :pn,
                            status = 'AWAITING_CONFIRMATION', customs_status = 'NOT_SENT', anomaly_reason = NULL,
                            approval_round = approval_round + :next, updated_at = :at WHERE id = :id""")
                .param("next", chain.customsStatus() == JointChain.CustomsStatus.NOT_SENT ? 0 : 1)
                .param("n", request.name()).param("hs", request.productHsCode()).param("pn", request.productName())
                .param("at", Timestamp.from(now)).param("id", id).update();
        insertMembers(actor, id, initiator, members, now);
        JointChain changed = load(id);
        requestConfirmations(changed);
        return changed;
    }

    /** 联合加工增值产业链备案删除: only while no partner has confirmed it (afterwards it is voided instead). */
    @Transactional
    public void delete(CurrentActor actor, long id) {
        String initiator = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, initiator);
        if (!chain.initiator().equals(initiator)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        if (chain.members().stream().anyMatch(m -> !m.initiator() && m.status() == MemberStatus.CONFIRMED)
                || chain.customsStatus() != JointChain.CustomsStatus.NOT_SENT || chain.approvalRound() > 0) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name(),
                    "删除（已有企业确认，请作废）/ delete (confirmed by a partner: void it)");
        }
        jdbc.sql("DELETE FROM joint_chain_member WHERE chain_id = :c").param("c", id).update();
        jdbc.sql("DELETE FROM joint_chain WHERE id = :id").param("id", id).update();
        log.info("event=joint-chain-deleted chain={}", chain.chainNo());
    }

    /** 联合备案统计: chains this enterprise initiated, and chains it was asked to confirm, counted by status. */
    public Map<String, Map<String, Long>> statistics(CurrentActor actor) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        out.put("initiated", counts("""
                SELECT c.status, count(*) FROM joint_chain c WHERE c.initiator = :e GROUP BY c.status""", enterprise));
        out.put("confirming", counts("""
                SELECT m.status, count(*) FROM joint_chain_member m JOIN joint_chain c ON c.id = m.chain_id
                WHERE m.enterprise = :e AND NOT m.initiator AND c.status <> 'VOIDED' GROUP BY m.status""", enterprise));
        return out;
    }

    /**
     * 各企业联合加工增值产业链备案统计 (government side, FP 3827–3831): chains by status and by customs status, the
     * initiating and participating enterprises with their chain counts (most first, TOP10), the TOP5 chains by number
     * of enterprises (bar chart) and the TOP5 chain sizes by how many chains have them (pie chart). Voided chains are
     * left out.
     */
    public Map<String, Object> governmentStatistics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("byStatus", counts("SELECT status, count(*) FROM joint_chain GROUP BY status"));
        out.put("byCustomsStatus", counts("""
                SELECT customs_status, count(*) FROM joint_chain WHERE status <> 'VOIDED' GROUP BY customs_status"""));
        out.put("initiators", jdbc.sql("""
                        SELECT initiator AS enterprise, count(*) AS chains FROM joint_chain WHERE status <> 'VOIDED'
                        GROUP BY initiator ORDER BY count(*) DESC, initiator LIMIT 10""").query().listOfRows());
        out.put("participants", jdbc.sql("""
                        SELECT m.enterprise, count(*) AS chains FROM joint_chain_member m JOIN joint_chain c ON c.id = m.chain_id
                        WHERE NOT m.initiator AND c.status <> 'VOIDED'
                        GROUP BY m.enterprise ORDER BY count(*) DESC, m.enterprise LIMIT 10""").query().listOfRows());
        out.put("top5BySize", jdbc.sql("""
                        SELECT c.chain_no AS "chainNo", c.name, c.initiator, count(*) AS enterprises
                        FROM joint_chain c JOIN joint_chain_member m ON m.chain_id = c.id WHERE c.status <> 'VOIDED'
                        GROUP BY c.id ORDER BY count(*) DESC, c.chain_no LIMIT 5""").query().listOfRows());
        out.put("top5SizeShare", jdbc.sql("""
                        SELECT enterprises, count(*) AS chains FROM (
                            SELECT count(*) AS enterprises FROM joint_chain c JOIN joint_chain_member m ON m.chain_id = c.id
                            WHERE c.status <> 'VOIDED' GROUP BY c.id) s
                        GROUP BY enterprises ORDER BY count(*) DESC, enterprises LIMIT 5""").query().listOfRows());
        return out;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private Map<String, Long> counts(String sql, String enterprise) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param("e", enterprise).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().sorted(Map.Entry.comparingByKey()).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private void insertMembers(CurrentActor actor, long id, String initiator, List<MemberInput> members, Instant now) {
        for (int i = 0; i < members.size(); i++) {
            MemberInput m = members.get(i);
            boolean self = m.enterprise().equals(initiator);
            jdbc.sql("""
                            INSERT INTO joint_chain_member (chain_id, seq, enterprise, enterprise_name, step, initiator,
                                status, decided_by, decided_at)
                            VALUES (:c, :s, :e, :en, :st, :self, :status, :by, :at)""")
                    .param("c", id).param("s", i + 1).param("e", m.enterprise()).param("en", m.enterpriseName())
                    .param("st", m.step()).param("self", self).param("status", self ? "CONFIRMED" : "PENDING")
                    .param("by", self ? actor.username() : null).param("at", self ? Timestamp.from(now) : null).update();
        }
    }

    private void requestConfirmations(JointChain chain) {
        String topic = EventTopics.topic("ledger", "joint-chain-confirmation-requested");
        outbox.publish(topic, AGGREGATE, chain.chainNo(), topic, Map.of("chainNo", chain.chainNo(),
                "initiator", chain.initiator(), "name", chain.name(), "pendingEnterprises", chain.members().stream()
                        .filter(m -> m.status() == MemberStatus.PENDING).map(Member::enterprise).toList()));
    }

    private List<MemberInput> validate(String initiator, NewChain request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_INVALID, "缺少产业链名称 / name missing");
        }
        List<MemberInput> members = request.members() == null ? List.of() : request.members();
        if (members.size() < 2) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_INVALID, "产业链至少须有两家企业 / at least two enterprises");
        }
        Set<String> seen = new HashSet<>();
        for (MemberInput m : members) {
            if (m == null || m.enterprise() == null || !USCC.matcher(m.enterprise()).matches()) {
                throw new HnswException(LedgerErrorCode.JOINT_CHAIN_INVALID,
                        "统一社会信用代码无效 / invalid credit code " + (m == null ? null : m.enterprise()));
            }
            if (!seen.add(m.enterprise())) {
                throw new HnswException(LedgerErrorCode.JOINT_CHAIN_INVALID, "企业重复 / enterprise repeated " + m.enterprise());
            }
        }
        if (!seen.contains(initiator)) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_INVALID, "发起企业须在产业链上 / the initiator must be on the chain");
        }
        return members;
    }

    /** Chains the enterprise is on (initiated or to confirm); officers see all. */
    public List<JointChain> list(CurrentActor actor, String role) {
        String enterprise = DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser() ? null
                : DocumentAccess.ownEnterprise(actor);
        List<Long> ids;
        if (enterprise == null) {
            ids = jdbc.sql("SELECT id FROM joint_chain ORDER BY id DESC LIMIT 200").query(Long.class).list();
        } else {
            String filter = switch (role == null ? "" : role) {
                case "initiated" -> " AND m.initiator";
                case "confirming" -> " AND NOT m.initiator";
                default -> "";
            };
            ids = jdbc.sql("SELECT m.chain_id FROM joint_chain_member m WHERE m.enterprise = :e" + filter
                            + " ORDER BY m.chain_id DESC LIMIT 200")
                    .param("e", enterprise).query(Long.class).list();
        }
        return ids.stream().map(this::load).toList();
    }

    /** 其他企业产业链确认信息: the chains waiting for this enterprise's decision. */
    public List<JointChain> pendingConfirmations(CurrentActor actor) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        return jdbc.sql("""
                        SELECT m.chain_id FROM joint_chain_member m JOIN joint_chain c ON c.id = m.chain_id
                        WHERE m.enterprise = :e AND NOT m.initiator AND m.status = 'PENDING' AND c.status <> 'VOIDED'
                        ORDER BY m.chain_id""")
                .param("e", enterprise).query(Long.class).list().stream().map(this::load).toList();
    }

    public JointChain get(CurrentActor actor, long id) {
        JointChain chain = find(id);
        if (DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser()) {
            return chain;
        }
        if (!chain.hasMember(DocumentAccess.ownEnterprise(actor))) {
            // for an enterprise that is not on it, the chain does not exist
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, id);
        }
        return chain;
    }

    /**
     * 其他企业产业链确认创建: a member other than the initiator confirms, or refuses with a reason. The same decision
     * again changes nothing; the other decision needs the first one cancelled.
     */
    @Transactional
    public JointChain decide(CurrentActor actor, long id, boolean confirm, String reason) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, enterprise);
        Member me = member(chain, enterprise);
        if (me.initiator()) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name(),
                    confirm ? "发起企业确认 / confirm by initiator" : "发起企业拒绝 / refuse by initiator");
        }
        if (chain.status() == JointChainStatus.VOIDED) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name(),
                    confirm ? "确认 / confirm" : "拒绝 / refuse");
        }
        MemberStatus wanted = confirm ? MemberStatus.CONFIRMED : MemberStatus.REFUSED;
        if (!confirm && (reason == null || reason.isBlank())) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_REASON_REQUIRED);
        }
        if (me.status() == wanted) {
            return chain;
        }
        if (me.status() != MemberStatus.PENDING) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_DECIDED, chain.chainNo(), me.status().name());
        }
        jdbc.sql("""
                        UPDATE joint_chain_member SET status = :s, reason = :r, decided_by = :by, decided_at = :at
                        WHERE chain_id = :c AND enterprise = :e""")
                .param("s", wanted.name()).param("r", confirm ? null : reason.strip()).param("by", actor.username())
                .param("at", Timestamp.from(clock.instant())).param("c", id).param("e", enterprise).update();
        log.info("event=joint-chain-decided chain={} enterprise={} decision={}", chain.chainNo(), enterprise, wanted);
        return restate(id);
    }

    /** 其他企业产业链确认取消: the member takes its decision back; the chain waits for it again. */
    @Transactional
    public JointChain cancelDecision(CurrentActor actor, long id) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, enterprise);
        Member me = member(chain, enterprise);
        if (me.initiator() || chain.status() == JointChainStatus.VOIDED) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name(),
                    "取消确认 / cancel decision");
        }
        if (me.status() == MemberStatus.PENDING) {
            return chain;
        }
        jdbc.sql("""
                        UPDATE joint_chain_member SET status = 'PENDING', reason = NULL, decided_by = NULL, decided_at = NULL
                        WHERE chain_id = :c AND enterprise = :e""").param("c", id).param("e", enterprise).update();
        return restate(id);
    }

    /**
     * 其他企业产业链确认信息修改 (FP 1633): the member changes its decision in one step (confirm ↔ refuse with a reason);
     * the same rules as deciding, the chain restated as after a cancel and a new decision.
     */
    @Transactional
    public JointChain modifyDecision(CurrentActor actor, long id, boolean confirm, String reason) {
        if (!confirm && (reason == null || reason.isBlank())) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_REASON_REQUIRED);
        }
        cancelDecision(actor, id);
        return decide(actor, id, confirm, reason);
    }

    /** The answer of the validation query: whether the enterprise's cumulative code may name the chain now, and why not. */
    public record ChainCheck(String chainNo, boolean usable, String status, String code, String messageZh, String messageEn) {
    }

    /**
     * 联合加工增值备案校验查询 (FP 1638): the check a cumulative-code filing naming the chain passes before it is
     * declared, asked beforehand by the enterprise: the chain exists, the enterprise is on it, every member confirmed.
     */
    public ChainCheck check(CurrentActor actor, String chainNo) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        Long id = jdbc.sql("SELECT id FROM joint_chain WHERE chain_no = :no").param("no", chainNo)
                .query(Long.class).optional().orElse(null);
        JointChain chain = id == null ? null : load(id);
        if (chain == null || !chain.hasMember(enterprise)) {
            // for an enterprise that is not on it, the chain does not exist
            HnswException e = new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, chainNo);
            return new ChainCheck(chainNo, false, null, e.errorCode().code(), e.messageZh(), e.messageEn());
        }
        if (chain.status() != JointChainStatus.CONFIRMED) {
            HnswException e = new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_CONFIRMED, chain.chainNo(), chain.status().name());
            return new ChainCheck(chainNo, false, chain.status().name(), e.errorCode().code(), e.messageZh(), e.messageEn());
        }
        return new ChainCheck(chainNo, true, chain.status().name(), null, "校验通过，可用于累计码备案",
                "Check passed: the chain may be named by a cumulative-code filing");
    }

    /** 作废: the initiator voids its chain; nobody can decide on it or use it afterwards. */
    @Transactional
    public JointChain voidChain(CurrentActor actor, long id) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, enterprise);
        if (!chain.initiator().equals(enterprise)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        if (chain.status() == JointChainStatus.VOIDED) {
            return chain;
        }
        jdbc.sql("UPDATE joint_chain SET status = 'VOIDED', updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        publishStatus(load(id));
        return load(id);
    }

    /** A cumulative-code filing that names a chain is declared only when the chain is confirmed and has its enterprise. */
    @Override
    public void beforeDeclare(DeclarableDocument document) {
        if (!document.type().code().equals(DocumentTypes.CUMULATIVE_CODE_FILING)) {
            return;
        }
        Object chainNo = document.header() == null ? null : document.header().get(HEADER_FIELD);
        if (chainNo == null || chainNo.toString().isBlank()) {
            return;
        }
        Long id = jdbc.sql("SELECT id FROM joint_chain WHERE chain_no = :no").param("no", chainNo.toString())
                .query(Long.class).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, chainNo));
        JointChain chain = load(id);
        if (!chain.hasMember(document.enterprise())) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_MEMBER, chain.chainNo());
        }
        if (chain.status() != JointChainStatus.CONFIRMED) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_CONFIRMED, chain.chainNo(), chain.status().name());
        }
    }

    // ---------------------------------------------------------------- credit, customs approval, copy

    /**
     * 第三方企业社会信用信息获取 (FP 1613–1614, rule R8): the initiator fetches, sealed from customs, the credit grade and
     * registration standing of every enterprise on its chain and keeps them on the members (only these two: the
     * other enterprises' credit reports stay theirs). Refused (503) and nothing kept when customs cannot answer.
     */
    @Transactional
    public JointChain fetchMemberCredit(CurrentActor actor, long id) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, enterprise);
        if (!chain.initiator().equals(enterprise)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        List<CreditProfile> profiles = new ArrayList<>();
        for (Member m : chain.members()) {
            profiles.add(credit.query(m.enterprise()));
        }
        Timestamp at = Timestamp.from(clock.instant());
        for (CreditProfile p : profiles) {
            jdbc.sql("""
                            UPDATE joint_chain_member SET credit_grade = :g, registration_status = :rs, credit_fetched_at = :at,
                                enterprise_name = coalesce(enterprise_name, :n)
                            WHERE chain_id = :c AND enterprise = :e""")
                    .param("g", p.creditGrade()).param("rs", p.registrationStatus()).param("at", at)
                    .param("n", p.enterpriseName()).param("c", id).param("e", p.enterprise()).update();
        }
        log.info("event=joint-chain-credit-fetched chain={} members={}", chain.chainNo(), profiles.size());
        return load(id);
    }

    /**
     * 海关审批对接 (FP 1618): the initiator sends a chain every member confirmed to 金关二期, sealed; customs answers with
     * receipts ({@link #applyReceipt}). Nothing changes when customs cannot be reached.
     */
    @Transactional
    public JointChain sendForApproval(CurrentActor actor, long id) {
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain chain = lockForMember(id, enterprise);
        if (!chain.initiator().equals(enterprise)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        if (chain.status() != JointChainStatus.CONFIRMED || chain.customsStatus() == JointChain.CustomsStatus.PENDING_APPROVAL
                || chain.customsStatus() == JointChain.CustomsStatus.APPROVED) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_STATE, chain.chainNo(), chain.status().name() + "/"
                    + chain.customsStatus().name(), "海关审批 / send for customs approval");
        }
        GoldenCustomsGateway gateway = customs.getIfAvailable();
        if (gateway == null) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("name", chain.name());
        header.put("productHsCode", chain.productHsCode());
        header.put("productName", chain.productName());
        header.put("members", chain.members().stream().map(m -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("seq", m.seq());
            member.put("enterprise", m.enterprise());
            member.put("enterpriseName", m.enterpriseName());
            member.put("step", m.step());
            member.put("confirmedAt", m.decidedAt() == null ? null : m.decidedAt().toString());
            return member;
        }).toList());
        CustomsAck ack = gateway.declare(new CustomsDeclarationMessage(CustomsDeclarationMessage.TYPE, chain.chainNo(),
                CUSTOMS_TYPE, chain.initiator(), chain.approvalRound(), null, header, List.of(), null, null,
                environment.getProperty("hnsw.ledger.receipt-url")));
        if (!ack.received()) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_REFUSED, ack.code() == null ? ack.status() : ack.code());
        }
        jdbc.sql("""
                        UPDATE joint_chain SET customs_status = 'PENDING_APPROVAL', anomaly_reason = NULL, updated_at = :at
                        WHERE id = :id""").param("at", Timestamp.from(clock.instant())).param("id", id).update();
        log.info("event=joint-chain-sent-for-approval chain={} messageId={}", chain.chainNo(), ack.messageId());
        return load(id);
    }

    /** Whether a receipt's document number is a chain's. */
    public boolean isChain(String number) {
        return number != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM joint_chain WHERE chain_no = :no)")
                .param("no", number).query(Boolean.class).single();
    }

    /**
     * 审批回执 (FP 1619): RECEIVED keeps the chain pending; APPROVED approves it; RETURNED makes it an anomaly with
     * customs' reason (异常原因, FP 1626). A receipt applied before is refused and changes nothing.
     */
    @Transactional
    public JointChain applyReceipt(CustomsReceiptMessage receipt, String messageId) {
        Long id = jdbc.sql("SELECT id FROM joint_chain WHERE chain_no = :no FOR UPDATE").param("no", receipt.documentNo())
                .query(Long.class).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.JOINT_CHAIN_RECEIPT_UNKNOWN, receipt.documentNo()));
        JointChain chain = load(id);
        if (receipt.receiptId() == null || receipt.receiptId().isBlank() || receipt.kind() == null) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "receiptId/kind");
        }
        if (chain.customsStatus() != JointChain.CustomsStatus.PENDING_APPROVAL && !isApplied(receipt.receiptId())) {
            throw new HnswException(LedgerErrorCode.RECEIPT_NOT_APPLICABLE, chain.chainNo(),
                    chain.customsStatus().name(), receipt.kind());
        }
        try {
            jdbc.sql("""
                            INSERT INTO joint_chain_receipt (receipt_id, chain_id, kind, reason, message_id, received_at)
                            VALUES (:r, :c, :k, :reason, :m, :at)""")
                    .param("r", receipt.receiptId()).param("c", id).param("k", receipt.kind())
                    .param("reason", receipt.reason()).param("m", messageId)
                    .param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new HnswException(LedgerErrorCode.RECEIPT_ALREADY_APPLIED, receipt.receiptId());
        }
        String next = switch (receipt.kind()) {
            case "RECEIVED" -> "PENDING_APPROVAL";
            case "APPROVED" -> "APPROVED";
            case "RETURNED" -> "ANOMALY";
            default -> throw new HnswException(LedgerErrorCode.RECEIPT_NOT_APPLICABLE, chain.chainNo(),
                    chain.customsStatus().name(), receipt.kind());
        };
        jdbc.sql("UPDATE joint_chain SET customs_status = :s, anomaly_reason = :r, updated_at = :at WHERE id = :id")
                .param("s", next).param("r", "ANOMALY".equals(next) ? receipt.reason() : null)
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        JointChain applied = load(id);
        if (!"PENDING_APPROVAL".equals(next)) {
            publishStatus(applied);
        }
        log.info("event=joint-chain-receipt chain={} receipt={} kind={}", chain.chainNo(), receipt.receiptId(), receipt.kind());
        return applied;
    }

    private boolean isApplied(String receiptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM joint_chain_receipt WHERE receipt_id = :r)").param("r", receiptId)
                .query(Boolean.class).single();
    }

    /** A chain's customs receipts, oldest first (the anomaly reason among them), for the enterprises on it. */
    public List<Map<String, Object>> receipts(CurrentActor actor, long id) {
        JointChain chain = get(actor, id);
        return jdbc.sql("""
                        SELECT receipt_id AS "receiptId", kind, reason, received_at AS "receivedAt"
                        FROM joint_chain_receipt WHERE chain_id = :c ORDER BY received_at, receipt_id""")
                .param("c", chain.id()).query().listOfRows();
    }

    /**
     * 复制 (FP 1620): a new chain with the same content, declared by the copying enterprise (which must be on it);
     * every other enterprise confirms the copy anew.
     */
    @Transactional
    public JointChain copy(CurrentActor actor, long id) {
        JointChain source = get(actor, id);
        String enterprise = DocumentAccess.ownEnterprise(actor);
        JointChain copy = create(actor, new NewChain(source.name(), source.productHsCode(), source.productName(),
                source.members().stream().map(m -> new MemberInput(m.enterprise(), m.enterpriseName(), m.step())).toList()));
        jdbc.sql("UPDATE joint_chain SET copied_from = :f WHERE id = :id").param("f", source.chainNo())
                .param("id", copy.id()).update();
        log.info("event=joint-chain-copied from={} to={} by={}", source.chainNo(), copy.chainNo(), enterprise);
        return load(copy.id());
    }

    // ---------------------------------------------------------------- internals

    private JointChain restate(long id) {
        JointChain chain = load(id);
        JointChainStatus next = JointChain.statusOf(chain.members());
        if (next != chain.status()) {
            jdbc.sql("UPDATE joint_chain SET status = :s, updated_at = :at WHERE id = :id").param("s", next.name())
                    .param("at", Timestamp.from(clock.instant())).param("id", id).update();
            chain = load(id);
            publishStatus(chain);
        }
        return chain;
    }

    private void publishStatus(JointChain chain) {
        String topic = EventTopics.topic("ledger", "joint-chain-status-changed");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chainNo", chain.chainNo());
        data.put("initiator", chain.initiator());
        data.put("status", chain.status().name());
        data.put("enterprises", chain.members().stream().map(Member::enterprise).toList());
        outbox.publish(topic, AGGREGATE, chain.chainNo(), topic, data);
    }

    /** The chain locked for a decision; not found for an enterprise that is not on it. */
    private JointChain lockForMember(long id, String enterprise) {
        jdbc.sql("SELECT id FROM joint_chain WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, id));
        JointChain chain = load(id);
        if (!chain.hasMember(enterprise)) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, id);
        }
        return chain;
    }

    private static Member member(JointChain chain, String enterprise) {
        return chain.members().stream().filter(m -> m.enterprise().equals(enterprise)).findFirst().orElseThrow();
    }

    private JointChain find(long id) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM joint_chain WHERE id = :id)").param("id", id)
                .query(Boolean.class).single();
        if (!exists) {
            throw new HnswException(LedgerErrorCode.JOINT_CHAIN_NOT_FOUND, id);
        }
        return load(id);
    }

    private JointChain load(long id) {
        List<Member> members = jdbc.sql("""
                        SELECT seq, enterprise, enterprise_name, step, initiator, status, reason, decided_by, decided_at,
                               credit_grade, registration_status, credit_fetched_at
                        FROM joint_chain_member WHERE chain_id = :id ORDER BY seq""")
                .param("id", id).query((rs, n) -> new Member(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), MemberStatus.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), instant(rs, 9), rs.getString(10),
                        rs.getString(10) == null ? null : CreditProfile.gradeZh(rs.getString(10)), rs.getString(11),
                        instant(rs, 12))).list();
        return jdbc.sql("""
                        SELECT id, chain_no, initiator, name, product_hs_code, product_name, status, created_by, created_at,
                               updated_at, customs_status, anomaly_reason, approval_round, copied_from
                        FROM joint_chain WHERE id = :id""")
                .param("id", id).query((rs, n) -> new JointChain(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), JointChainStatus.valueOf(rs.getString(7)),
                        rs.getString(8), instant(rs, 9), instant(rs, 10), members,
                        JointChain.CustomsStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getInt(13),
                        rs.getString(14))).single();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
