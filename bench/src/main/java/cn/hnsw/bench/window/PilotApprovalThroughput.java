package cn.hnsw.bench.window;

import cn.hnsw.testsupport.embedded.EmbeddedPostgresServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.task.api.Task;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load driver for issue 8's closing note: process instances of the four-level pilot approval completed per second
 * (every task completed through Flowable's API, with the countersign of two provincial units), next to Flowable's
 * minimal one-user-task process in the same run (the floor), and the time from submission (process start) to the
 * first approver's to-do appearing in a candidate-group query, p50/p95/p99.
 * <p>
 * Same engine settings, transactions and calls as trade-window-service (see {@code FlowableSettings} and
 * {@code PilotApprovalService}): history level {@code task} (process instances and tasks), no async executor, execution/task relationship
 * counts and eager execution-tree fetching on; the routing travels as one JSON variable {@code route}; each task is
 * completed in one call with the decision as a transient variable ({@code stageOutcome}, read by the gateways and the
 * countersign's completion condition in the same transaction and never stored; the decision itself is kept in the
 * service's hashed opinion record). Transactions as in the service: a submission is one transaction (start, then
 * the open tasks, to set the case's step), each decision is one (complete, then the open tasks); the first approver
 * finds the task by a candidate-group query (the to-do list), later tasks come from the decision before. Each
 * decision first reads the units the task is offered to (the service's authorisation does); on a step several units
 * share (加签, 会签: one task offered to every unit) an approval by one unit withdraws the offer to that unit and the
 * last unit's approval completes the task, as {@code PilotApprovalService} does. The floor
 * is driven the same way: submission, to-do query, decision. {@code --statements N} first counts, over N instances of
 * each, the statements sent to PostgreSQL by kind and table (a JDBC proxy, {@link StatementCounter}). On a real PostgreSQL (embedded binaries). The two processes alternate in blocks, so both see the same
 * database and JIT state. One thread: the figures are per core.
 * <p>
 * {@code --legacy true} drives the chain as the first version did (the BPMN of that version must be given with
 * {@code --bpmn}): seven process variables with the unit lists as serialised Java lists, claim then complete with the
 * decision stored as a variable, each engine call its own transaction, no relationship counts; history as given by
 * {@code --history} (was {@code audit}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar cn.hnsw.bench.window.PilotApprovalThroughput \
 *     --bpmn trade-window-service/src/main/resources/processes/pilot-approval.bpmn20.xml --instances 500 --warmup 200 \
 *     [--history task|activity|audit] [--legacy false|true]
 * </pre>
 */
public final class PilotApprovalThroughput {

    private static final String MINIMAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://hnsw.cn/bench">
              <process id="minimalOneTask" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                <userTask id="task" flowable:candidateGroups="/government/county/haikou-longhua/commerce-bureau"/>
                <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;
    private static final String LEAD = "/government/county/haikou-longhua/commerce-bureau";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path bpmn = Path.of(opts.getOrDefault("bpmn", "trade-window-service/src/main/resources/processes/pilot-approval.bpmn20.xml"));
        int instances = Math.min(Integer.parseInt(opts.getOrDefault("instances", "500")), 20_000);
        int warmup = Math.min(Integer.parseInt(opts.getOrDefault("warmup", "200")), 20_000);
        int block = 10;
        String history = opts.getOrDefault("history", "task");
        boolean legacy = Boolean.parseBoolean(opts.getOrDefault("legacy", "false"));

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary()) {
            String url = postgres.createDatabase("flowable_bench");
            // as in the service: Spring's transaction manager over a Hikari pool, Flowable joining its transactions
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
            dataSource.setPassword("postgres");
            dataSource.setMaximumPoolSize(4);
            int profiled = Math.min(Integer.parseInt(opts.getOrDefault("statements", "0")), 1_000);
            StatementCounter counter = new StatementCounter();
            javax.sql.DataSource engineSource = profiled > 0 ? counter.wrap(dataSource) : dataSource;
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(engineSource);
            SpringProcessEngineConfiguration cfg = new SpringProcessEngineConfiguration();
            cfg.setDataSource(engineSource);
            cfg.setTransactionManager(transactions);
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setAsyncExecutorActivate(false);
            cfg.setHistory(history);
            // the BPMN's user tasks take their deadline from the "workingDays" business calendar; the service's reads
            // the step's limit and the holiday calendar from its database, here a fixed 5 days (no holidays) stands in
            org.flowable.common.engine.impl.calendar.BusinessCalendar fixedDays =
                    new org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar(cfg.getClock()) {
                        @Override
                        public java.util.Date resolveDuedate(String description, int maxIterations) {
                            return java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(5)));
                        }
                    };
            cfg.setBusinessCalendarManager(new org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager()
                    .addBusinessCalendar("workingDays", fixedDays));
            if (!legacy) {
                // the service's FlowableSettings
                cfg.getPerformanceSettings().setEnableExecutionRelationshipCounts(true);
                cfg.getPerformanceSettings().setEnableTaskRelationshipCounts(true);
                cfg.getPerformanceSettings().setEnableEagerExecutionTreeFetching(true);
            }
            TX = new TransactionTemplate(transactions);
            ProcessEngine engine = cfg.buildProcessEngine();
            engine.getRepositoryService().createDeployment()
                    .addString("pilot-approval.bpmn20.xml", Files.readString(bpmn))
                    .addString("minimal.bpmn20.xml", MINIMAL).deploy();
            RuntimeService runtime = engine.getRuntimeService();

            System.out.printf("history level %s, %s calls; warm-up: %d instances of each%n", history,
                    legacy ? "legacy (claim + complete, list variables)" : "service (one complete per task, JSON route)",
                    warmup);
            for (int i = 0; i < warmup; i++) {
                fourLevel(engine, null, legacy);
                minimal(engine, legacy);
            }
            if (profiled > 0) {
                counter.start();
                for (int i = 0; i < profiled; i++) {
                    fourLevel(engine, null, legacy);
                }
                Map<String, Long> four = counter.stop();
                counter.start();
                for (int i = 0; i < profiled; i++) {
                    minimal(engine, legacy);
                }
                Map<String, Long> floor = counter.stop();
                printProfile(profiled, four, floor);
            }
            long fourNanos = 0;
            long minimalNanos = 0;
            List<Long> firstTaskLatency = new ArrayList<>();
            for (int done = 0; done < instances; done += block) {
                long t0 = System.nanoTime();
                for (int i = 0; i < block; i++) {
                    fourLevel(engine, firstTaskLatency, legacy);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < block; i++) {
                    minimal(engine, legacy);
                }
                long t2 = System.nanoTime();
                fourNanos += t1 - t0;
                minimalNanos += t2 - t1;
            }
            int measured = (instances + block - 1) / block * block;
            long finished = engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
            long running = runtime.createProcessInstanceQuery().count();
            if (finished != 2L * (warmup + profiled + measured) || running != 0) {
                throw new IllegalStateException("expected " + 2L * (warmup + profiled + measured) + " finished instances, found "
                        + finished + " finished and " + running + " running");
            }
            double fourRate = measured / (fourNanos / 1e9);
            double minimalRate = measured / (minimalNanos / 1e9);
            long[] latencies = firstTaskLatency.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("four-level pilot approval: %d instances, %.1f instances/s (5 decisions each: city unit, county government, 2 provincial countersign units, province)%n",
                    measured, fourRate);
            System.out.printf("minimal one-user-task:     %d instances, %.1f instances/s%n", measured, minimalRate);
            System.out.printf("ratio four-level / floor:  %.2f (goal >= 0.30)%n", fourRate / minimalRate);
            System.out.printf("submission -> first approver's task: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n",
                    pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1e6,
                    latencies.length);
            System.out.printf("system load average at the end: %.2f (%d processors)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            engine.close();
            dataSource.close();
        }
    }

    /** Spring transactions over the engine's data source (set in main, one thread). */
    private static TransactionTemplate TX;

    /**
     * One database transaction, as the service's {@code @Transactional} methods give it: the Flowable commands inside
     * join it (submission = start + "which tasks are open now"; decision = complete + "which tasks are open now").
     */
    private static <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return TX.execute(status -> work.get());
    }

    /** Start with the routing a region would resolve to, then complete every task as its unit would. */
    private static void fourLevel(ProcessEngine engine, List<Long> firstTaskLatency, boolean legacy) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        Map<String, Object> vars = new HashMap<>();
        String applicationId = java.util.UUID.randomUUID().toString();
        if (legacy) {
            vars.put("cityUnits", new ArrayList<>(List.of(LEAD)));
            vars.put("countyGov", "/government/county/haikou-longhua");
            vars.put("provincialUnits", new ArrayList<>(List.of("/government/provincial/commerce",
                    "/government/provincial/finance")));
            vars.put("provinceOrg", "/government/province");
            vars.put("enterpriseGroup", "/enterprises/91460106MA5T8K3R0A");
            vars.put("stageOutcome", "APPROVE");
            vars.put("applicationId", applicationId);
        } else {
            // what RoutingRepository#asVariable gives for a region with one city unit and two provincial units
            ObjectNode route = JSON.createObjectNode();
            route.putArray("cityUnits").add(LEAD);
            route.put("countyGov", "/government/county/haikou-longhua");
            route.putArray("provincialUnits").add("/government/provincial/commerce").add("/government/provincial/finance");
            route.put("provinceOrg", "/government/province");
            route.put("enterpriseGroup", "/enterprises/91460106MA5T8K3R0A");
            vars.put("route", route);
        }
        long start = System.nanoTime();
        String pi;
        if (legacy) {
            pi = runtime.startProcessInstanceByKey("pilotApproval", applicationId, vars).getId();
        } else {
            // the service's submission: start, then read where the case stands, in one transaction
            pi = inOneTransaction(() -> {
                String id = runtime.startProcessInstanceByKey("pilotApproval", applicationId, vars).getId();
                tasks.createTaskQuery().processInstanceId(id).list();
                return id;
            });
        }
        // the first approver's to-do list
        Task first = tasks.createTaskQuery().taskCandidateGroup(LEAD).processInstanceId(pi).singleResult();
        if (firstTaskLatency != null) {
            firstTaskLatency.add(System.nanoTime() - start);
        }
        if (first == null) {
            throw new IllegalStateException("no first to-do for " + pi);
        }
        List<Task> open = List.of(first);
        int guard = 0;
        while (!open.isEmpty()) {
            List<Task> next = List.of();
            for (Task t : open) {
                if (legacy) {
                    tasks.claim(t.getId(), "bench");
                    tasks.complete(t.getId(), Map.of("stageOutcome", "APPROVE"));
                } else {
                    // the service's decision, in one transaction: the units the task is offered to (who may act),
                    // then either the unit's sign-off on a step several units share (its offer withdrawn, the task
                    // stays for the others) or the task's completion; then where the case stands
                    next = inOneTransaction(() -> {
                        List<String> units = candidateGroups(tasks, t.getId());
                        if (units.size() > 1) {
                            tasks.deleteCandidateGroup(t.getId(), units.get(0));
                        } else {
                            tasks.complete(t.getId(), "bench", null, Map.of("stageOutcome", "APPROVE"));
                        }
                        return tasks.createTaskQuery().processInstanceId(pi).list();
                    });
                }
            }
            open = legacy ? tasks.createTaskQuery().processInstanceId(pi).list() : next;
            if (++guard > 20) {
                throw new IllegalStateException("process did not end: " + pi);
            }
        }
    }

    private static void minimal(ProcessEngine engine, boolean legacy) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        String pi;
        if (legacy) {
            pi = runtime.startProcessInstanceByKey("minimalOneTask").getId();
        } else {
            pi = inOneTransaction(() -> {
                String id = runtime.startProcessInstanceByKey("minimalOneTask").getId();
                tasks.createTaskQuery().processInstanceId(id).list();
                return id;
            });
        }
        Task t = tasks.createTaskQuery().taskCandidateGroup(LEAD).processInstanceId(pi).singleResult();
        if (legacy) {
            tasks.claim(t.getId(), "bench");
            tasks.complete(t.getId());
        } else {
            List<Task> open = inOneTransaction(() -> {
                if (candidateGroups(tasks, t.getId()).isEmpty()) {
                    throw new IllegalStateException("task offered to nobody: " + t.getId());
                }
                tasks.complete(t.getId(), "bench", null, null);
                return tasks.createTaskQuery().processInstanceId(pi).list();
            });
            if (!open.isEmpty()) {
                throw new IllegalStateException("process did not end: " + pi);
            }
        }
    }

    /** Statements per instance by kind and table, the four-level chain next to the floor. */
    private static void printProfile(int n, Map<String, Long> four, Map<String, Long> floor) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(four.keySet());
        keys.addAll(floor.keySet());
        System.out.printf("statements per instance (%d instances of each)%n%-40s %10s %10s%n", n, "kind", "four-level", "floor");
        double totalFour = 0;
        double totalFloor = 0;
        for (String k : keys) {
            double a = four.getOrDefault(k, 0L) / (double) n;
            double b = floor.getOrDefault(k, 0L) / (double) n;
            totalFour += a;
            totalFloor += b;
            System.out.printf("%-40s %10.2f %10.2f%n", k, a, b);
        }
        System.out.printf("%-40s %10.2f %10.2f%n", "all round trips", totalFour, totalFloor);
    }

    private static List<String> candidateGroups(TaskService tasks, String taskId) {
        List<String> groups = new ArrayList<>();
        for (org.flowable.identitylink.api.IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value: " + Arrays.toString(args));
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    private PilotApprovalThroughput() {
    }
}
