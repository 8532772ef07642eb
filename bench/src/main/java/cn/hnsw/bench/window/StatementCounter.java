package cn.hnsw.bench.window;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the statements the engine sends, by kind and table ("insert ACT_RU_TASK", "select ACT_RU_EXECUTION",
 * "commit"), through a proxy over the data source's connections: the profile of {@link PilotApprovalThroughput}'s
 * {@code --statements true}. Counting is switched on and off around the instances of one process, so each process's
 * figures are its own. One thread.
 */
final class StatementCounter {

    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Map<String, Long> counts = new TreeMap<>();
    private final AtomicBoolean on = new AtomicBoolean();

    void start() {
        counts.clear();
        on.set(true);
    }

    Map<String, Long> stop() {
        on.set(false);
        return new TreeMap<>(counts);
    }

    private void count(String key) {
        if (on.get()) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    static String kind(String sql) {
        Matcher m = TABLE.matcher(sql);
        if (!m.find()) {
            String s = sql.strip();
            return s.substring(0, Math.min(30, s.length())).toLowerCase(Locale.ROOT);
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0];
        return verb + " " + m.group(2).toUpperCase(Locale.ROOT);
    }

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection target) {
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit" -> count("commit");
                case "rollback" -> count("rollback");
                default -> {
                }
            }
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                return statement(ps, PreparedStatement.class, sql);
            }
            if (result instanceof Statement st) {
                return statement(st, Statement.class, null);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, h);
    }

    private <S extends Statement> S statement(S target, Class<S> type, String sql) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                count(name.equals("executeBatch") ? "batch " + kind(text) : kind(text));
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, h));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
