package cn.hnsw.testsupport.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the traceability matrix in {@code docs/traceability/} complete and honest.
 *
 * <p>The canonical requirement lists are {@code function-points.csv} and {@code service-list.csv} in the spec
 * folder ({@code $HNSW_SPEC_DIR}, else {@code <repo root>/../shared/spec}). Every function point must appear exactly
 * once in its area file, every service-list entry exactly once in {@code service-list.csv}, and a row may claim
 * {@code done} only with a code reference and a test reference that exist in the repository.
 *
 * <p>The repository root is {@code -Dhnsw.repo.root} or {@code $HNSW_REPO_ROOT} if set, else the first directory
 * above the working directory that contains {@code docs/traceability}. Plain Java: no Spring, no CSV library.
 */
class TraceabilityCompletenessTest {

    static final List<String> AREAS = List.of("passenger", "ledger", "window", "port", "customs", "maritime");
    static final List<String> FP_HEADER = List.of("area", "system_no", "system", "fp", "module_zh",
            "submodule_zh", "name_zh", "name_en", "status", "code_ref", "test_ref");
    static final List<String> SERVICE_HEADER = List.of("entry", "system_zh", "subsystem_zh", "description_zh",
            "name_en", "status", "code_ref", "test_ref");
    static final Set<String> STATUSES = Set.of("done", "partial", "none");
    static final Pattern CJK = Pattern.compile("[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]");
    static final int SHOWN = 20;

    static Path repoRoot;
    static Path traceDir;
    static Path specDir;
    /** Rows of the area files and of service-list.csv, each a column-name → value map. */
    static final List<Row> matrixRows = new ArrayList<>();
    static final Map<String, List<Map<String, String>>> areaFiles = new LinkedHashMap<>();
    static List<Map<String, String>> serviceFile;
    static List<Map<String, String>> specFunctionPoints;
    static List<Map<String, String>> specServiceEntries;
    static final Map<String, List<String>> headers = new LinkedHashMap<>();

    /** One matrix row with the file it came from, for messages. */
    record Row(String file, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }

        String label() {
            return values.containsKey("entry")
                    ? file + " entry " + get("entry")
                    : file + " " + get("area") + "/" + get("system_no") + "/FP " + get("fp");
        }
    }

    @BeforeAll
    static void load() throws IOException {
        repoRoot = locateRepoRoot();
        traceDir = repoRoot.resolve("docs").resolve("traceability");
        specDir = locateSpecDir(repoRoot);
        specFunctionPoints = readCsv(specDir.resolve("function-points.csv"), null);
        specServiceEntries = readCsv(specDir.resolve("service-list.csv"), null);
        for (String area : AREAS) {
            Path file = traceDir.resolve(area + ".csv");
            assertThat(file).as("area file %s", file).isRegularFile();
            List<Map<String, String>> rows = readCsv(file, area + ".csv");
            areaFiles.put(area, rows);
            rows.forEach(r -> matrixRows.add(new Row(area + ".csv", r)));
        }
        Path services = traceDir.resolve("service-list.csv");
        assertThat(services).as("service list file %s", services).isRegularFile();
        serviceFile = readCsv(services, "service-list.csv");
        serviceFile.forEach(r -> matrixRows.add(new Row("service-list.csv", r)));
    }

    @Test
    void filesHaveTheAgreedHeaders() {
        List<String> offenders = new ArrayList<>();
        headers.forEach((file, header) -> {
            List<String> expected = file.equals("service-list.csv") ? SERVICE_HEADER : FP_HEADER;
            if (!header.equals(expected)) {
                offenders.add(file + ": header " + header + ", expected " + expected);
            }
        });
        assertNone("files with a wrong header", offenders);
    }

    @Test
    void everyFunctionPointAppearsExactlyOnceInItsAreaFile() {
        Map<String, Integer> counts = new HashMap<>();
        areaFiles.forEach((area, rows) -> rows.forEach(r -> {
            if (area.equals(r.get("area"))) {
                counts.merge(fpKey(r), 1, Integer::sum);
            }
        }));
        List<String> offenders = new ArrayList<>();
        for (Map<String, String> fp : specFunctionPoints) {
            String key = fpKey(fp);
            int n = counts.getOrDefault(key, 0);
            if (n != 1) {
                offenders.add(key + " (" + fp.get("name_zh") + ") appears " + n + " times in "
                        + fp.get("area") + ".csv");
            }
        }
        assertThat(specFunctionPoints).as("function points in %s", specDir).isNotEmpty();
        assertNone("spec function points not present exactly once", offenders);
    }

    @Test
    void areaFilesHaveNoExtraRows() {
        Set<String> spec = new LinkedHashSet<>();
        specFunctionPoints.forEach(fp -> spec.add(fpKey(fp)));
        List<String> offenders = new ArrayList<>();
        areaFiles.forEach((area, rows) -> rows.forEach(r -> {
            if (!area.equals(r.get("area"))) {
                offenders.add(area + ".csv holds a row of area '" + r.get("area") + "': " + fpKey(r));
            } else if (!spec.contains(fpKey(r))) {
                offenders.add(area + ".csv: " + fpKey(r) + " is not in function-points.csv");
            }
        }));
        assertNone("rows that are not spec function points", offenders);
    }

    @Test
    void everyServiceListEntryAppearsExactlyOnce() {
        Map<String, Integer> counts = new HashMap<>();
        serviceFile.forEach(r -> counts.merge(r.get("entry"), 1, Integer::sum));
        Set<String> spec = new LinkedHashSet<>();
        List<String> offenders = new ArrayList<>();
        for (Map<String, String> entry : specServiceEntries) {
            spec.add(entry.get("entry"));
            int n = counts.getOrDefault(entry.get("entry"), 0);
            if (n != 1) {
                offenders.add("entry " + entry.get("entry") + " (" + entry.get("subsystem_zh") + ") appears "
                        + n + " times");
            }
        }
        counts.keySet().stream().filter(e -> !spec.contains(e)).sorted()
                .forEach(e -> offenders.add("entry " + e + " is not in the spec's service-list.csv"));
        assertThat(specServiceEntries).as("service entries in %s", specDir).isNotEmpty();
        assertNone("service-list entries not present exactly once", offenders);
    }

    @Test
    void everyStatusIsDonePartialOrNone() {
        assertNone("rows with a status other than done|partial|none", matrixRows.stream()
                .filter(r -> !STATUSES.contains(r.get("status")))
                .map(r -> r.label() + ": status '" + r.get("status") + "'")
                .toList());
    }

    @Test
    void everyRowHasAnEnglishName() {
        assertNone("rows without an English name_en (empty or containing CJK characters)", matrixRows.stream()
                .filter(r -> r.get("name_en").isBlank() || CJK.matcher(r.get("name_en")).find())
                .map(r -> r.label() + ": name_en '" + r.get("name_en") + "'")
                .toList());
    }

    @Test
    void doneRowsHaveCodeAndTestReferencesThatExist() {
        List<String> offenders = new ArrayList<>();
        RepoIndex index = new RepoIndex(repoRoot);
        for (Row r : matrixRows) {
            if (!"done".equals(r.get("status"))) {
                continue;
            }
            if (r.get("code_ref").isBlank() || r.get("test_ref").isBlank()) {
                offenders.add(r.label() + ": done needs code_ref and test_ref (code_ref '" + r.get("code_ref")
                        + "', test_ref '" + r.get("test_ref") + "')");
                continue;
            }
            for (String ref : refs(r.get("code_ref"))) {
                if (!index.fileExists(beforeHash(ref))) {
                    offenders.add(r.label() + ": code_ref file not found: " + ref);
                }
            }
            for (String ref : refs(r.get("test_ref"))) {
                // A web test is named by its file (web/src/**/x.spec.ts, web/e2e/x.spec.ts); a Java test by its class.
                boolean webTest = beforeHash(ref).startsWith("web/") && beforeHash(ref).endsWith(".spec.ts");
                if (webTest ? !index.fileExists(beforeHash(ref)) : !index.classExists(beforeHash(ref))) {
                    offenders.add(r.label() + ": test_ref class not found: " + ref);
                }
            }
        }
        assertNone("done rows whose references are missing or do not resolve", offenders);
    }

    @Test
    void partialRowsHaveACodeReference() {
        assertNone("partial rows without code_ref", matrixRows.stream()
                .filter(r -> "partial".equals(r.get("status")) && r.get("code_ref").isBlank())
                .map(Row::label)
                .toList());
    }

    // ---------------------------------------------------------------- helpers

    static void assertNone(String what, List<String> offenders) {
        if (!offenders.isEmpty()) {
            StringBuilder msg = new StringBuilder()
                    .append(offenders.size()).append(' ').append(what)
                    .append(" (repo ").append(repoRoot).append(", spec ").append(specDir).append(")");
            offenders.stream().limit(SHOWN).forEach(o -> msg.append("\n  - ").append(o));
            if (offenders.size() > SHOWN) {
                msg.append("\n  … and ").append(offenders.size() - SHOWN).append(" more");
            }
            fail(msg.toString());
        }
    }

    static String fpKey(Map<String, String> r) {
        return r.getOrDefault("area", "") + "/" + r.getOrDefault("system_no", "") + "/" + r.getOrDefault("fp", "");
    }

    static List<String> refs(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    static String beforeHash(String ref) {
        int i = ref.indexOf('#');
        return (i < 0 ? ref : ref.substring(0, i)).strip();
    }

    static Path locateRepoRoot() {
        String override = System.getProperty("hnsw.repo.root");
        if (override == null || override.isBlank()) {
            override = System.getenv("HNSW_REPO_ROOT");
        }
        if (override != null && !override.isBlank()) {
            Path root = Paths.get(override).toAbsolutePath().normalize();
            if (!Files.isDirectory(root.resolve("docs").resolve("traceability"))) {
                fail("HNSW_REPO_ROOT / hnsw.repo.root is " + root + " but it has no docs/traceability");
            }
            return root;
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs").resolve("traceability"))) {
                return p;
            }
        }
        return fail("no directory containing docs/traceability found at or above " + start
                + " (set HNSW_REPO_ROOT or -Dhnsw.repo.root)");
    }

    static Path locateSpecDir(Path root) {
        List<Path> tried = new ArrayList<>();
        String env = System.getProperty("hnsw.spec.dir");
        if (env == null || env.isBlank()) {
            env = System.getenv("HNSW_SPEC_DIR");
        }
        if (env != null && !env.isBlank()) {
            tried.add(Paths.get(env).toAbsolutePath().normalize());
        }
        tried.add(root.resolve("..").resolve("shared").resolve("spec").normalize());
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve("function-points.csv")) && Files.isRegularFile(p.resolve("service-list.csv"))) {
                return p;
            }
        }
        return fail("canonical spec not found: looked for function-points.csv and service-list.csv in "
                + tried + " ($HNSW_SPEC_DIR, then <repo root>/../shared/spec)");
    }

    /** Reads a CSV file with a header line into column-name → value maps; records the header under {@code label}. */
    static List<Map<String, String>> readCsv(Path file, String label) throws IOException {
        List<List<String>> records = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return fail(file + " is empty");
        }
        List<String> header = records.get(0);
        if (label != null) {
            headers.put(label, header);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue; // blank line
            }
            if (rec.size() != header.size()) {
                fail(file + " record " + i + " has " + rec.size() + " fields, header has " + header.size()
                        + ": " + rec);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), rec.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 parser: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, optional BOM. */
    static List<List<String>> parseCsv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atFieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                atFieldStart = true;
            } else {
                field.append(ch);
                atFieldStart = false;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field at end of file");
        }
        if (!atFieldStart || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Lazily built index of the files under the repository root, for resolving code_ref and test_ref. */
    static final class RepoIndex {
        private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".idea", ".mvn");
        private final Path root;
        private Map<String, List<Path>> byName;

        RepoIndex(Path root) {
            this.root = root;
        }

        boolean fileExists(String ref) {
            if (ref.isEmpty()) {
                return false;
            }
            Path direct = root.resolve(ref).normalize();
            if (direct.startsWith(root) && Files.isRegularFile(direct)) {
                return true;
            }
            String normalized = ref.replace('\\', '/');
            String simple = normalized.substring(normalized.lastIndexOf('/') + 1);
            return index().getOrDefault(simple, List.of()).stream()
                    .anyMatch(p -> toSlashes(root.relativize(p)).endsWith(normalized) || !normalized.contains("/"));
        }

        boolean classExists(String className) {
            if (className.isEmpty()) {
                return false;
            }
            String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
            String simple = outer.substring(outer.lastIndexOf('.') + 1);
            String relative = outer.replace('.', '/') + ".java";
            return index().getOrDefault(simple + ".java", List.of()).stream()
                    .anyMatch(p -> !outer.contains(".") || toSlashes(p).endsWith("/" + relative));
        }

        private Map<String, List<Path>> index() {
            if (byName == null) {
                Map<String, List<Path>> found = new HashMap<>();
                try {
                    Files.walkFileTree(root, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            found.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(file);
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                byName = found;
            }
            return byName;
        }

        private static String toSlashes(Path p) {
            return p.toString().replace('\\', '/');
        }
    }
}
