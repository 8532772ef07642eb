package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * 高点/低点摄像机信息维护 (FP 530–549, 601–604): add, edit, delete, search, confirm, and Excel import/export of the
 * ports' cameras. An import is all or nothing: every row is checked first, and one bad row refuses the whole file with
 * the row numbers and reasons. Exported workbooks import again unchanged.
 */
@Service
public class CameraService {

    static final String[] HEADERS = {"编号 Code", "名称 Name", "Name (English)", "类型 Kind (HIGH/LOW)", "口岸 Port",
            "纬度 Latitude", "经度 Longitude", "对应高点 High-point camera", "视频流 Stream URL", "状态 Status"};
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    private static final int MAX_IMPORT_ROWS = 5_000;

    private final CameraRepository cameras;
    private final Clock clock;

    public CameraService(CameraRepository cameras, Clock clock) {
        this.cameras = cameras;
        this.clock = clock;
    }

    /** What an operator enters (or one row of an import). */
    public record Input(String code, String nameZh, String nameEn, String kind, String portCode, Double latitude,
                        Double longitude, String highCameraCode, String streamUrl) {
    }

    @Transactional
    public Camera create(Input in, String by) {
        if (in.code() != null && cameras.byCode(in.code().strip()).isPresent()) {
            throw new HnswException(BaseDataErrorCode.CAMERA_CODE_TAKEN, in.code().strip());
        }
        Camera c = check(in, UUID.randomUUID(), by, Map.of());
        cameras.upsert(c);
        return cameras.byCode(c.code()).orElseThrow();
    }

    @Transactional
    public Camera update(UUID id, Input in, String by) {
        Camera existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw invalid("the code cannot change / 编号不可修改");
        }
        Input same = new Input(existing.code(), in.nameZh(), in.nameEn(), in.kind(), in.portCode(), in.latitude(),
                in.longitude(), in.highCameraCode(), in.streamUrl());
        if ("LOW".equals(same.kind()) && existing.kind().equals("HIGH") && cameras.lowCamerasOf(existing.code()) > 0) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IN_USE, existing.code());
        }
        cameras.upsert(check(same, id, by, Map.of()));
        return get(id);
    }

    public Camera get(UUID id) {
        return cameras.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.CAMERA_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        Camera c = get(id);
        if ("HIGH".equals(c.kind()) && cameras.lowCamerasOf(c.code()) > 0) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IN_USE, c.code());
        }
        cameras.delete(id);
    }

    @Transactional
    public Camera confirm(UUID id, String by) {
        get(id);
        cameras.confirm(id, by, clock.instant());
        return get(id);
    }

    /**
     * Checks one camera. {@code highInFile}: high-point cameras of the same import by code, which a low-point camera
     * of the file may name before they are stored.
     */
    Camera check(Input in, UUID id, String by, Map<String, Input> highInFile) {
        String code = in.code() == null ? "" : in.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw invalid("code: 3–40 capital letters, digits or '-' / 编号为 3–40 位大写字母、数字或连字符");
        }
        String nameZh = in.nameZh() == null ? "" : in.nameZh().strip();
        if (nameZh.isEmpty() || nameZh.length() > 100) {
            throw invalid("name: 1–100 characters / 名称 1–100 个字符");
        }
        String nameEn = in.nameEn() == null || in.nameEn().isBlank() ? null : in.nameEn().strip();
        if (nameEn != null && nameEn.length() > 100) {
            throw invalid("English name: at most 100 characters / 英文名称至多 100 个字符");
        }
        String kind = kind(in.kind());
        if (in.portCode() == null || !cameras.portExists(in.portCode().strip())) {
            throw invalid("port: one of the ports' codes / 口岸编码不存在");
        }
        if (in.latitude() == null || in.longitude() == null || in.latitude() < 3 || in.latitude() > 25
                || in.longitude() < 105 || in.longitude() > 120) {
            throw invalid("position: latitude 3–25, longitude 105–120 (WGS-84) / 坐标超出海南管辖范围");
        }
        String high = in.highCameraCode() == null || in.highCameraCode().isBlank() ? null : in.highCameraCode().strip();
        if ("HIGH".equals(kind) && high != null) {
            throw invalid("a high-point camera has no high-point camera above it / 高点摄像机无对应高点");
        }
        if ("LOW".equals(kind)) {
            if (high == null) {
                throw invalid("a low-point camera names its high-point camera / 低点摄像机须指定对应高点");
            }
            boolean known = highInFile.containsKey(high)
                    || cameras.byCode(high).filter(c -> "HIGH".equals(c.kind())).isPresent();
            if (!known) {
                throw invalid("high-point camera " + high + " does not exist / 对应高点摄像机不存在");
            }
        }
        String stream = in.streamUrl() == null || in.streamUrl().isBlank() ? null : in.streamUrl().strip();
        if (stream != null) {
            try {
                URI uri = URI.create(stream);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!List.of("rtsp", "rtmp", "http", "https").contains(scheme) || uri.getHost() == null
                        || uri.getUserInfo() != null || stream.length() > 500) {
                    throw invalid("stream: rtsp/rtmp/http(s) address without credentials / 视频流地址无效或含账号口令");
                }
            } catch (IllegalArgumentException e) {
                throw invalid("stream: not an address / 视频流地址无效");
            }
        }
        return new Camera(id, code, nameZh, nameEn, kind, in.portCode().strip(), in.latitude(), in.longitude(), high,
                stream, "DRAFT", null, null, by, clock.instant());
    }

    private static String kind(String kind) {
        String k = kind == null ? "" : kind.strip();
        return switch (k) {
            case "HIGH", "high", "高点" -> "HIGH";
            case "LOW", "low", "低点" -> "LOW";
            default -> throw invalid("kind: HIGH (高点) or LOW (低点) / 类型为高点或低点");
        };
    }

    private static HnswException invalid(String why) {
        return new HnswException(BaseDataErrorCode.CAMERA_INVALID, why);
    }

    /** The import's outcome: cameras added and updated (all of them drafts until confirmed). */
    public record ImportResult(int created, int updated) {
    }

    /** Imports a workbook made like the export; all rows or none. */
    @Transactional
    public ImportResult importWorkbook(InputStream in, String by) {
        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            rows = stream.skip(1).filter(r -> r.getCellCount() > 0 && !text(r, 0).isEmpty()).toList();
        } catch (IOException | RuntimeException e) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IMPORT_INVALID, "not an Excel workbook / 不是 Excel 文件");
        }
        if (rows.isEmpty() || rows.size() > MAX_IMPORT_ROWS) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IMPORT_INVALID,
                    "1–" + MAX_IMPORT_ROWS + " rows / 须有 1–" + MAX_IMPORT_ROWS + " 行数据");
        }
        List<Input> inputs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Row r : rows) {
            try {
                inputs.add(new Input(text(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), number(r, 5),
                        number(r, 6), text(r, 7), text(r, 8)));
            } catch (NumberFormatException e) {
                errors.add("row " + r.getRowNum() + ": latitude/longitude are numbers / 坐标须为数字");
                inputs.add(null);
            }
        }
        Map<String, Input> highInFile = new HashMap<>();
        for (Input i : inputs) {
            if (i != null && i.code() != null && "HIGH".equals(safeKind(i.kind()))) {
                highInFile.put(i.code().strip(), i);
            }
        }
        List<Camera> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 0; n < inputs.size(); n++) {
            Input i = inputs.get(n);
            if (i == null) {
                continue;
            }
            int rowNum = rows.get(n).getRowNum();
            try {
                Camera c = check(i, cameras.byCode(i.code() == null ? "" : i.code().strip()).map(Camera::id)
                        .orElseGet(UUID::randomUUID), by, highInFile);
                Integer before = seen.put(c.code(), rowNum);
                if (before != null) {
                    errors.add("row " + rowNum + ": code " + c.code() + " also in row " + before + " / 编号重复");
                }
                checked.add(c);
            } catch (HnswException e) {
                errors.add("row " + rowNum + ": " + e.messageEn());
            }
        }
        if (!errors.isEmpty()) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IMPORT_INVALID,
                    String.join("; ", errors.subList(0, Math.min(20, errors.size()))));
        }
        int created = 0;
        // high-point cameras first: low-point ones refer to them
        checked.sort(Comparator.comparing(c -> "HIGH".equals(c.kind()) ? 0 : 1));
        for (Camera c : checked) {
            if (cameras.byCode(c.code()).isEmpty()) {
                created++;
            }
            cameras.upsert(c);
        }
        return new ImportResult(created, checked.size() - created);
    }

    private static String safeKind(String kind) {
        try {
            return kind(kind);
        } catch (HnswException e) {
            return null;
        }
    }

    private static String text(Row r, int c) {
        return r.getCellCount() > c && r.getCell(c) != null ? r.getCellText(c).strip() : "";
    }

    private static Double number(Row r, int c) {
        String t = text(r, c);
        return t.isEmpty() ? null : Double.valueOf(t);
    }

    /** Writes the cameras as the import reads them (plus their status). */
    public void export(List<Camera> list, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "hnsw-port-situation", "1.0");
        Worksheet sheet = workbook.newWorksheet("摄像机 Cameras");
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, HEADERS[c]);
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (Camera cam : list) {
            sheet.value(r, 0, cam.code());
            sheet.value(r, 1, cam.nameZh());
            if (cam.nameEn() != null) {
                sheet.value(r, 2, cam.nameEn());
            }
            sheet.value(r, 3, cam.kind());
            sheet.value(r, 4, cam.portCode());
            sheet.value(r, 5, cam.latitude());
            sheet.value(r, 6, cam.longitude());
            if (cam.highCameraCode() != null) {
                sheet.value(r, 7, cam.highCameraCode());
            }
            if (cam.streamUrl() != null) {
                sheet.value(r, 8, cam.streamUrl());
            }
            sheet.value(r, 9, cam.status());
            r++;
        }
        workbook.finish();
    }
}
