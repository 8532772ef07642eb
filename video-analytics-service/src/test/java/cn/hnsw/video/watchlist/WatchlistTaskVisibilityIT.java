package cn.hnsw.video.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 布控任务可见范围 on the real path, with real tokens: an officer sees the watch-list tasks of their own organisation
 * (or below it), the tasks they submitted and the tasks they are bound to; an officer of another organisation gets
 * neither the task in the list nor its detail, targets, target entries, history, monitoring or anomalies; a reviewer
 * sees the tasks of the organisation they review (and those of no organisation); a platform administrator sees every
 * task.
 */
@ServiceIntegrationTest
class WatchlistTaskVisibilityIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String root = "/customs-" + tag;

    private String officer(String name, String org) {
        return tokens.user(name + "." + tag, "customs-officer").organization(org).mint();
    }

    private List<String> listed(ApiClient api, String token, String extra) {
        Reply r = api.get("/watchlist-tasks?size=50&q=" + tag + extra, token);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().get("content").findValuesAsText("name");
    }

    private Reply submit(ApiClient api, String token, String name, List<String> officers, String organization) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name + tag, "kind", "RISK_VEHICLE",
                "officers", officers, "instruction", "拦截检查车辆",
                "targets", List.of(Map.of("plateNumber", "琼A·12345", "label", "涉私车辆" + tag))));
        if (organization != null) {
            body.put("organization", organization);
        }
        Reply r = api.post("/watchlist-tasks", token, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r;
    }

    @Test
    void officersSeeTheTasksOfTheirOrganisationAndTheTasksTheyAreBoundToAndNoOthers() {
        ApiClient api = new ApiClient(port);
        String submitter = officer("zhang", root + "/meilan");
        String colleague = officer("wang", root + "/meilan");
        String otherUnit = officer("sun", root + "/xiuying");
        String boundElsewhere = officer("he", "/sanya-customs-" + tag);
        String reviewer = tokens.user("li." + tag, "customs-reviewer").organization(root).mint();
        String otherReviewer = tokens.user("qian." + tag, "customs-reviewer").organization("/sanya-customs-" + tag)
                .mint();
        String admin = tokens.user("zhao." + tag, "platform-admin").mint();

        // no organisation given: the task belongs to its submitter's organisation
        Reply meilan = submit(api, submitter, "美兰布控", List.of("zhang." + tag, "he." + tag), null);
        String meilanId = meilan.text("id");
        assertThat(meilan.text("organization")).isEqualTo(root + "/meilan");
        Reply xiuying = submit(api, otherUnit, "秀英布控", List.of("sun." + tag), null);
        String xiuyingId = xiuying.text("id");
        assertThat(jdbc.queryForObject("SELECT organization FROM watchlist_task WHERE id = ?::uuid", String.class,
                xiuyingId)).isEqualTo(root + "/xiuying");

        // the list: own organisation, bound tasks; a reviewer the organisation below theirs; the administrator all
        assertThat(listed(api, submitter, "")).containsExactly("美兰布控" + tag);
        assertThat(listed(api, colleague, "")).containsExactly("美兰布控" + tag);
        assertThat(listed(api, otherUnit, "")).containsExactly("秀英布控" + tag);
        assertThat(listed(api, boundElsewhere, "")).containsExactly("美兰布控" + tag);
        assertThat(listed(api, reviewer, "")).containsExactlyInAnyOrder("美兰布控" + tag, "秀英布控" + tag);
        assertThat(listed(api, otherReviewer, "")).isEmpty();
        assertThat(listed(api, admin, "")).containsExactlyInAnyOrder("美兰布控" + tag, "秀英布控" + tag);
        // a query condition narrows, it never widens: another unit asking for 美兰's organisation gets nothing
        String meilanOrg = "&organization=" + URLEncoder.encode(root + "/meilan", StandardCharsets.UTF_8);
        assertThat(listed(api, otherUnit, meilanOrg)).isEmpty();
        assertThat(listed(api, reviewer, meilanOrg)).containsExactly("美兰布控" + tag);
        assertThat(api.get("/watchlist-tasks?size=50&q=" + tag, otherUnit).body().get("totalElements").asLong())
                .isEqualTo(1);

        // detail, targets and the rest: allowed by organisation, binding, review scope and role
        for (String allowed : List.of(submitter, colleague, boundElsewhere, reviewer, admin)) {
            Reply detail = api.get("/watchlist-tasks/" + meilanId, allowed);
            assertThat(detail.status()).as(detail.body().toString()).isEqualTo(200);
            assertThat(detail.text("name")).isEqualTo("美兰布控" + tag);
            Reply targets = api.get("/watchlist-tasks/" + meilanId + "/targets", allowed);
            assertThat(targets.status()).isEqualTo(200);
            assertThat(targets.body().get(0).get("plateNumber").asText()).isEqualTo("琼A12345");
            assertThat(api.get("/watchlist-tasks/" + meilanId + "/anomalies", allowed).status()).isEqualTo(200);
        }
        // denied: another unit of the same customs, another customs' reviewer
        for (String denied : List.of(otherUnit, otherReviewer)) {
            for (String path : List.of("", "/targets", "/target-entries", "/history", "/monitoring", "/anomalies")) {
                Reply r = api.get("/watchlist-tasks/" + meilanId + path, denied);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(403);
                assertThat(r.text("code")).isEqualTo("TASK_NOT_VISIBLE");
                assertThat(r.text("messageZh")).contains("不属于您的机构");
            }
        }
        assertThat(api.get("/watchlist-tasks/" + xiuyingId + "/targets", colleague).status()).isEqualTo(403);
        assertThat(api.get("/watchlist-tasks/" + xiuyingId + "/targets", otherUnit).status()).isEqualTo(200);

        // a task named for a unit below the submitter's: the unit above sees it, the sibling unit does not
        Reply unit = submit(api, submitter, "美兰查验科布控", List.of("zhang." + tag), root + "/meilan/inspection");
        assertThat(api.get("/watchlist-tasks/" + unit.text("id"), colleague).status()).isEqualTo(200);
        assertThat(api.get("/watchlist-tasks/" + unit.text("id"), otherUnit).status()).isEqualTo(403);
        // a prefix of a name is no organisation: /customs-x/meilan does not cover /customs-x/meilan2
        Reply lookalike = submit(api, admin, "美兰二布控", List.of("sun." + tag), root + "/meilan2");
        assertThat(api.get("/watchlist-tasks/" + lookalike.text("id"), colleague).status()).isEqualTo(403);
        assertThat(listed(api, colleague, "")).containsExactlyInAnyOrder("美兰布控" + tag, "美兰查验科布控" + tag);
        // bound though of another unit
        assertThat(api.get("/watchlist-tasks/" + lookalike.text("id"), otherUnit).status()).isEqualTo(200);

        // a token naming no organisation: its tasks have none, and only the unassigned (and the bound) see them
        String unassigned = tokens.user("wu." + tag, "customs-officer").mint();
        String unassignedColleague = tokens.user("xu." + tag, "customs-officer").mint();
        Reply loose = submit(api, unassigned, "无机构布控", List.of("wu." + tag), null);
        assertThat(loose.body().path("organization").isMissingNode()).isTrue();
        assertThat(api.get("/watchlist-tasks/" + loose.text("id") + "/targets", unassignedColleague).status())
                .isEqualTo(200);
        assertThat(listed(api, unassignedColleague, "")).containsExactly("无机构布控" + tag);
        assertThat(api.get("/watchlist-tasks/" + loose.text("id") + "/targets", colleague).status()).isEqualTo(403);
        assertThat(listed(api, colleague, "")).doesNotContain("无机构布控" + tag);
        // it falls under no organisation's reviewers: every reviewer sees it (to review it)
        assertThat(api.get("/watchlist-tasks/" + loose.text("id"), otherReviewer).status()).isEqualTo(200);
        assertThat(listed(api, reviewer, "")).contains("无机构布控" + tag);
    }

    private String state(String id) {
        return jdbc.queryForObject("SELECT status || '/' || coalesce(pending_action, '-') || '/' || name"
                + " || '/' || coalesce(reviewed_by, '-') FROM watchlist_task WHERE id = ?::uuid", String.class, id);
    }

    private int historyLines(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM watchlist_task_history WHERE task_id = ?::uuid",
                Integer.class, id);
    }

    private static void notVisible(Reply r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(403);
        assertThat(r.text("code")).isEqualTo("TASK_NOT_VISIBLE");
        assertThat(r.text("messageZh")).contains("不属于您的机构");
    }

    @Test
    void reviewReviseWithdrawRecontrolAndDeleteFollowTheSameVisibilityAsReading() {
        ApiClient api = new ApiClient(port);
        String submitter = officer("zhang", root + "/meilan");
        String colleague = officer("wang", root + "/meilan");
        String otherUnit = officer("sun", root + "/xiuying");
        String reviewer = tokens.user("li." + tag, "customs-reviewer").organization(root).mint();
        String unitReviewer = tokens.user("zhou." + tag, "customs-reviewer").organization(root + "/meilan").mint();
        String otherReviewer = tokens.user("qian." + tag, "customs-reviewer").organization("/sanya-customs-" + tag)
                .mint();
        String path = "/watchlist-tasks/" + submit(api, submitter, "美兰审核布控", List.of("zhang." + tag), null)
                .text("id");
        String id = path.substring(path.lastIndexOf('/') + 1);
        String before = state(id);
        assertThat(before).isEqualTo("PENDING_REVIEW/ACTIVATION/美兰审核布控" + tag + "/-");

        // another customs' reviewer cannot review; another unit's officer cannot revise or delete: nothing changes
        notVisible(api.post(path + "/review", otherReviewer, Map.of("approve", true, "comment", "越权审批")));
        notVisible(api.post(path + "/review", otherReviewer, Map.of("approve", false)));
        notVisible(api.put(path, otherUnit, Map.of("name", "被改名" + tag)));
        notVisible(api.delete(path, otherUnit));
        assertThat(state(id)).isEqualTo(before);
        assertThat(historyLines(id)).isEqualTo(1);
        // a colleague sees the task, so the submitter rule answers (not the organisation)
        assertThat(api.put(path, colleague, Map.of("name", "被改名" + tag)).text("code"))
                .isEqualTo("NOT_REVISION_SUBMITTER");
        assertThat(api.delete(path, colleague).text("code")).isEqualTo("NOT_TASK_SUBMITTER");

        // the submitter revises; the reviewer of the parent customs approves
        assertThat(api.put(path, submitter, Map.of("instruction", "拦截检查车辆（已修改）")).status()).isEqualTo(200);
        Reply approved = api.post(path + "/review", reviewer, Map.of("approve", true));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("ACTIVE");

        // withdrawal: asked by another unit, refused; asked by the submitter, reviewed by the unit's own reviewer only
        notVisible(api.post(path + "/withdrawal", otherUnit, Map.of("reason", "越权撤控")));
        assertThat(state(id)).startsWith("ACTIVE/-/");
        assertThat(api.post(path + "/withdrawal", submitter, Map.of("reason", "案件已结")).text("pendingAction"))
                .isEqualTo("WITHDRAWAL");
        notVisible(api.post(path + "/review", otherReviewer, Map.of("approve", true)));
        assertThat(state(id)).startsWith("ACTIVE/WITHDRAWAL/");
        assertThat(api.post(path + "/review", unitReviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("WITHDRAWN");

        // re-control: the same
        notVisible(api.post(path + "/recontrol", otherUnit, Map.of("reason", "越权再次布控")));
        assertThat(state(id)).startsWith("WITHDRAWN/-/");
        assertThat(api.post(path + "/recontrol", submitter, Map.of("reason", "重新布控")).text("pendingAction"))
                .isEqualTo("RECONTROL");
        notVisible(api.post(path + "/review", otherReviewer, Map.of("approve", true)));
        assertThat(state(id)).startsWith("WITHDRAWN/RECONTROL/");
        assertThat(api.post(path + "/review", reviewer, Map.of("approve", true)).text("status")).isEqualTo("ACTIVE");
        // submitted, revised, approved, withdrawal asked and approved, re-control asked and approved: no refused line
        assertThat(historyLines(id)).isEqualTo(7);

        // deletion of a task that never took effect: another unit refused, the submitter deletes
        String fresh = "/watchlist-tasks/" + submit(api, submitter, "美兰待删布控", List.of("zhang." + tag), null)
                .text("id");
        notVisible(api.delete(fresh, otherUnit));
        assertThat(api.get(fresh, submitter).status()).isEqualTo(200);
        assertThat(api.delete(fresh, submitter).status()).isEqualTo(204);
        assertThat(api.get(fresh, submitter).status()).isEqualTo(404);
    }

    @Test
    void aTaskIsSubmittedOnlyForTheOfficersOwnOrganisationOrAUnitBelowIt() {
        ApiClient api = new ApiClient(port);
        String submitter = officer("zhang", root + "/meilan");
        String unassigned = tokens.user("wu." + tag, "customs-officer").mint();
        String admin = tokens.user("zhao." + tag, "platform-admin").mint();
        for (String[] refused : List.of(new String[] {submitter, "/sanya-customs-" + tag},
                new String[] {submitter, root}, new String[] {submitter, root + "/meilan2"},
                new String[] {submitter, root + "/xiuying/inspection"}, new String[] {unassigned, root + "/meilan"})) {
            Reply r = api.post("/watchlist-tasks", refused[0], Map.of("name", "越权机构布控" + tag, "kind",
                    "RISK_VEHICLE", "officers", List.of("zhang." + tag), "organization", refused[1],
                    "targets", List.of(Map.of("plateNumber", "琼A·12345", "label", "越权对象" + tag))));
            assertThat(r.status()).as(refused[1] + " " + r.body()).isEqualTo(403);
            assertThat(r.text("code")).isEqualTo("ORGANIZATION_NOT_OWN");
            assertThat(r.text("messageZh")).contains("本机构或其下级机构");
            assertThat(r.text("messageEn")).contains("your own organisation");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_task WHERE name = ?", Integer.class,
                "越权机构布控" + tag)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_target WHERE label = ?", Integer.class,
                "越权对象" + tag)).isZero();

        // their own organisation (also with a trailing slash), a unit below it; an administrator names any
        assertThat(submit(api, submitter, "本机构布控", List.of("zhang." + tag), root + "/meilan")
                .text("organization")).isEqualTo(root + "/meilan");
        assertThat(submit(api, submitter, "下级机构布控", List.of("zhang." + tag), root + "/meilan/inspection/")
                .status()).isEqualTo(201);
        assertThat(submit(api, admin, "三亚布控", List.of("zhang." + tag), "/sanya-customs-" + tag)
                .text("organization")).isEqualTo("/sanya-customs-" + tag);
    }
}
