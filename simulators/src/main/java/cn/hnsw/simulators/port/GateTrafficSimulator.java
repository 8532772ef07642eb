package cn.hnsw.simulators.port;

import cn.hnsw.simulators.partner.PartnerRegistry;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PlatformPushClient;
import cn.hnsw.simulators.sealed.PushResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 卡口管理与控制系统模拟器 (collection side): vehicles, people and containers arriving at the Xinhai, Xiuying and
 * Yangpu gates, each capture sealed by {@code gate-control} and pushed to the platform's gate inbox. Plates, names and
 * ticket numbers are made up; ID numbers are fictitious (region 460100, check digit not valid on purpose).
 */
@Component
public class GateTrafficSimulator extends PeriodicSimulator {

    private static final Logger log = LoggerFactory.getLogger(GateTrafficSimulator.class);
    static final String PARTNER = "gate-control";
    static final List<String> GATES = List.of("XINHAI-FREIGHT-ENTRY", "XINHAI-FREIGHT-CARGO_INSPECTION",
            "XINHAI-FREIGHT-BOARDING", "XINHAI-VEHICLE-ENTRY", "XINHAI-PERSON-ENTRY", "XIUYING-VEHICLE-ENTRY",
            "XIUYING-VEHICLE-SECURITY_CHECK", "XIUYING-VEHICLE-BOARDING", "XIUYING-PERSON-INSPECTION",
            "XIUYING-CONTAINER-ENTRY", "XIUYING-CONTAINER-YARD", "YANGPU-CONTAINER-ENTRY",
            "YANGPU-CONTAINER-CARGO_INSPECTION", "YANGPU-CONTAINER-YARD", "XIUYING-BULK-CARGO_INSPECTION");
    private static final String[] SURNAMES = {"王", "李", "陈", "林", "吴", "符", "黄", "邢", "云", "周"};
    private static final String[] GIVEN = {"海涛", "晓燕", "建国", "丽娟", "志强", "明", "秀英", "伟", "芳", "俊"};
    private static final String[] CONTAINERS = {"CSQU3054383", "COSU1234560", "TCLU7000124"};

    private final PortSimulatorProperties.Gates properties;
    private final PlatformPushClient push;
    private final PartnerRegistry partners;
    private final ObjectMapper json;

    public GateTrafficSimulator(PortSimulatorProperties properties, PlatformPushClient push, PartnerRegistry partners,
                                ObjectMapper json) {
        super("gate-traffic");
        this.properties = properties.gates();
        this.push = push;
        this.partners = partners;
        this.json = json;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration interval() {
        return properties.interval();
    }

    @Override
    protected Duration firstDelay() {
        return properties.interval();
    }

    @Override
    protected void tick() {
        String gate = GATES.get(ThreadLocalRandom.current().nextInt(GATES.size()));
        send(capture(gate, null, null));
    }

    /** Seals and pushes one capture; returns the platform's answer. */
    public PushResult send(Map<String, Object> capture) {
        try {
            PushResult result = push.push(partners.require(PARTNER), URI.create(properties.inboxUrl()),
                    json.writeValueAsBytes(capture), EnvelopeForm.JSON, null);
            log.info("event=simulator-gate-capture gate={} outcome={} status={}", capture.get("gateCode"),
                    result.outcome(), result.status());
            return result;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plausible capture for the gate; {@code plate} and {@code grossKg} override the random ones. */
    public static Map<String, Object> capture(String gateCode, String plate, Integer grossKg) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String plateNumber = plate != null ? plate
                : (r.nextBoolean() ? "琼" : "粤") + (char) ('A' + r.nextInt(6)) + String.format("%05d", r.nextInt(100_000));
        Instant now = Instant.now();
        String voyage = "QZ" + now.toString().substring(0, 10).replace("-", "") + String.format("%02d", r.nextInt(1, 40));
        String vessel = List.of("海峡1号", "紫荆12", "琼州3号").get(r.nextInt(3));
        String departurePort = gateCode.startsWith("XINHAI") ? "新海港" : "秀英港";
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gateCode", gateCode);
        c.put("lane", r.nextInt(1, 5));
        c.put("capturedAt", now.toString());
        c.put("vehicle", Map.of("plateNumber", plateNumber, "vehicleType", gateCode.contains("CONTAINER") ? "集装箱牵引车"
                : gateCode.contains("FREIGHT") || gateCode.contains("BULK") ? "重型货车" : "小型轿车",
                "plateType", gateCode.contains("VEHICLE") ? "小型汽车号牌" : "大型汽车号牌",
                "snapshotRef", "gate-snapshots/" + gateCode + "/" + now.toEpochMilli() + ".jpg"));
        String driverName = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String driverId = "460100" + (1970 + r.nextInt(35)) + String.format("%02d%02d", r.nextInt(1, 13), r.nextInt(1, 29))
                + String.format("%03d", r.nextInt(1000)) + "X";
        String ticket = "TK" + now.toEpochMilli();
        c.put("vehicleTicket", Map.ofEntries(Map.entry("ticketId", ticket), Map.entry("purchasedAt", now.minus(Duration.ofHours(2)).toString()),
                Map.entry("voyage", voyage), Map.entry("driverName", driverName), Map.entry("driverIdNumber", driverId),
                Map.entry("plateNumber", plateNumber), Map.entry("vesselName", vessel),
                Map.entry("departureTime", now.plus(Duration.ofHours(1)).toString()),
                Map.entry("arrivalTime", now.plus(Duration.ofHours(3)).toString()),
                Map.entry("departurePort", departurePort), Map.entry("arrivalPort", "徐闻海安港")));
        List<Map<String, Object>> persons = new ArrayList<>();
        persons.add(person(ticket, plateNumber, true, driverName, driverId, vessel, voyage, departurePort, now));
        for (int i = 0; i < r.nextInt(0, 3); i++) {
            persons.add(person(ticket, plateNumber, false, SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)],
                    "460100" + (1960 + r.nextInt(50)) + "0101" + String.format("%03d", r.nextInt(1000)) + "X", vessel,
                    voyage, departurePort, now));
        }
        c.put("persons", persons);
        c.put("boarding", Map.of("vesselName", vessel, "voyage", voyage, "boardingTime", now.toString(),
                "estimatedDeparture", now.plus(Duration.ofMinutes(40)).toString(),
                "estimatedArrival", now.plus(Duration.ofMinutes(160)).toString(), "departurePort", departurePort,
                "arrivalPort", "徐闻海安港"));
        int tare = 12_000 + r.nextInt(4_000);
        c.put("weighbridge", Map.of("grossKg", grossKg != null ? grossKg : tare + r.nextInt(5_000, 32_000), "tareKg", tare));
        c.put("xrayImageRef", "xray/" + gateCode + "/" + now.toEpochMilli() + ".png");
        c.put("inspectionHouse", Map.of("radiation", "normal", "temperatureC", "26.5"));
        c.put("face", Map.of("facePhotoRef", "faces/" + now.toEpochMilli() + ".jpg", "idNumber", driverId, "name", driverName));
        c.put("appointment", Map.of("appointmentId", "AP" + now.toEpochMilli(),
                "appointmentTime", now.minus(Duration.ofMinutes(20)).toString(), "driverName", driverName,
                "driverIdNumber", driverId));
        c.put("containerNumber", CONTAINERS[r.nextInt(CONTAINERS.length)]);
        return c;
    }

    private static Map<String, Object> person(String vehicleTicket, String plate, boolean driver, String name, String id,
                                              String vessel, String voyage, String departurePort, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ticketId", "PT" + System.nanoTime());
        p.put("vehicleTicketId", vehicleTicket);
        p.put("plateNumber", plate);
        p.put("driver", driver);
        p.put("name", name);
        p.put("idNumber", id);
        p.put("vesselName", vessel);
        p.put("voyage", voyage);
        p.put("departureTime", now.plus(Duration.ofHours(1)).toString());
        p.put("arrivalTime", now.plus(Duration.ofHours(3)).toString());
        p.put("departurePort", departurePort);
        p.put("arrivalPort", "徐闻海安港");
        return p;
    }
}
