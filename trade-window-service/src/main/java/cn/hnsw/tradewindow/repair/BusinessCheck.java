package cn.hnsw.tradewindow.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 业务校核 before submission: the kind's required documents are all there (R20), the aircraft registration mark is
 * Chinese (B-xxxx), and a ship's IMO number is seven digits whose last is the check digit of the first six.
 */
public final class BusinessCheck {

    private static final Pattern AIRCRAFT = Pattern.compile("B-[0-9A-Z]{4,5}");

    private BusinessCheck() {
    }

    public static List<String> check(String kind, String conveyance, String imo, Set<RepairDocumentType> present) {
        List<String> problems = new ArrayList<>();
        for (RepairDocumentType t : RepairDocumentType.required(kind)) {
            if (!present.contains(t)) {
                problems.add("缺少" + t.nameZh() + " / missing " + t.nameEn());
            }
        }
        if ("AVIATION".equals(kind) && !AIRCRAFT.matcher(conveyance).matches()) {
            problems.add("航空器注册号应为 B- 开头 / The aircraft registration mark must start with B-");
        }
        if ("SHIPPING".equals(kind) && !validImo(imo)) {
            problems.add("IMO 编号校验位错误 / The IMO number's check digit is wrong");
        }
        return problems;
    }

    /** IMO ship identification number: digits 1–6 weighted 7…2, sum mod 10 = digit 7. */
    public static boolean validImo(String imo) {
        if (imo == null || !imo.matches("\\d{7}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (imo.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == imo.charAt(6) - '0';
    }
}
