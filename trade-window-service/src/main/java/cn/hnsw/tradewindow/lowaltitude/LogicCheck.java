package cn.hnsw.tradewindow.lowaltitude;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 逻辑检控 and 业务校验 of a report form (R10, R12): the parts it must carry, plausible values, and the business rules
 * against the registered subject (the aircraft must be one of the subject's, the subject must be active). Returns the
 * problems in Chinese and English; empty means passed.
 */
public final class LogicCheck {

    private static final Pattern HS_CODE = Pattern.compile("\\d{8}|\\d{10}");
    private static final Pattern AIRCRAFT = Pattern.compile("B-[0-9A-Z]{4,5}");

    private LogicCheck() {
    }

    public static List<String> check(String activity, String form, JsonNode content, String aircraftReg,
                                     LocalDate flightDate, LocalDate today, String subjectAircraft) {
        List<String> errors = new ArrayList<>();
        if (!AIRCRAFT.matcher(aircraftReg).matches()) {
            errors.add("航空器注册号格式不正确 / The aircraft registration mark is malformed");
        }
        if (Arrays.stream(subjectAircraft.split(",")).map(String::trim).noneMatch(aircraftReg::equals)) {
            errors.add("航空器未在报送主体登记 / The aircraft is not registered to the subject");
        }
        if (flightDate.isAfter(today.plusDays(30)) || flightDate.isBefore(today.minusYears(1))) {
            errors.add("飞行日期超出可报送范围 / The flight date is out of the reportable range");
        }
        if ("WITHDRAWAL".equals(form)) {
            if (content.path("reason").asText("").isBlank()) {
                errors.add("撤回单须填写撤回原因 / A withdrawal needs a reason");
            }
            return errors;
        }
        if ("CARGO".equals(activity)) {
            JsonNode goods = content.path("goods");
            if (!goods.isArray() || goods.isEmpty()) {
                if (!"SUPPLEMENT".equals(form)) {
                    errors.add("缺少货物基本信息 / Goods are missing");
                }
            } else {
                for (JsonNode g : goods) {
                    if (g.path("name").asText("").isBlank()) {
                        errors.add("货物名称为空 / A goods name is empty");
                    }
                    if (!HS_CODE.matcher(g.path("hsCode").asText("")).matches()) {
                        errors.add("商品编码须为 8 或 10 位数字：" + g.path("hsCode").asText("") + " / HS code must have 8 or 10 digits");
                    }
                    if (g.path("quantity").asDouble(0) <= 0 || g.path("unit").asText("").isBlank()) {
                        errors.add("货物数量或单位无效 / Goods quantity or unit invalid");
                    }
                }
            }
            if (!"SUPPLEMENT".equals(form)) {
                if (content.path("shipper").path("name").asText("").isBlank()) {
                    errors.add("缺少托运人基本信息 / Shipper is missing");
                }
                if (content.path("customsCertificateNo").asText("").isBlank()) {
                    errors.add("缺少海关手续办结证明 / The customs-formalities-completed certificate is missing");
                }
            }
        } else {
            JsonNode persons = content.path("persons");
            if ((!persons.isArray() || persons.isEmpty()) && !"SUPPLEMENT".equals(form)) {
                errors.add("缺少人员基本信息 / Persons are missing");
            }
            for (JsonNode p : persons) {
                if (p.path("name").asText("").isBlank() || p.path("idNumber").asText("").length() < 6) {
                    errors.add("人员姓名或证件号无效 / A person's name or identity number is invalid");
                }
            }
        }
        return errors;
    }
}
