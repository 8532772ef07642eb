package cn.hnsw.simulators.window;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 海易办模拟器's case register: the unified case numbers it gave (统一赋码), one per business id however often asked,
 * and the status history pushed for each (办件状态同步), plus the to-do notices (统一代办) it received. Kept in memory:
 * the simulator forgets on restart, as a test partner may.
 */
@Component
public class HaiyibanCaseBook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public record CaseEntry(String caseNumber, String businessType, String businessId, String enterpriseUscc,
                            String title, Instant assignedAt, List<StatusPush> statuses) {
    }

    public record StatusPush(String status, String step, String eventId, Instant receivedAt) {
    }

    public record Notice(String channel, String recipient, String content, String businessId, Instant receivedAt) {
    }

    private final Map<String, CaseEntry> byBusinessId = new ConcurrentHashMap<>();
    private final Map<String, CaseEntry> byNumber = new ConcurrentHashMap<>();
    private final List<Notice> notices = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public HaiyibanCaseBook() {
        this(Clock.systemUTC());
    }

    HaiyibanCaseBook(Clock clock) {
        this.clock = clock;
    }

    /** The case number of {@code businessId}: the one given before, or a new one ({@code SIM} marks the simulator). */
    public CaseEntry assign(String businessType, String businessId, String enterpriseUscc, String title) {
        return byBusinessId.computeIfAbsent(businessId, id -> {
            String day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).format(DAY);
            String number = "HYB-SIM-" + day + "-" + String.format("%06d", sequence.incrementAndGet());
            CaseEntry entry = new CaseEntry(number, businessType, businessId, enterpriseUscc, title, clock.instant(),
                    java.util.Collections.synchronizedList(new ArrayList<>()));
            byNumber.put(number, entry);
            return entry;
        });
    }

    /** Records a pushed status; false when the case number was never given. Duplicate event ids are kept once. */
    public boolean push(String caseNumber, String status, String step, String eventId) {
        CaseEntry entry = byNumber.get(caseNumber);
        if (entry == null) {
            return false;
        }
        synchronized (entry.statuses()) {
            if (entry.statuses().stream().noneMatch(s -> s.eventId().equals(eventId))) {
                entry.statuses().add(new StatusPush(status, step, eventId, clock.instant()));
            }
        }
        return true;
    }

    public void notice(String channel, String recipient, String content, String businessId) {
        notices.add(new Notice(channel, recipient, content, businessId, clock.instant()));
    }

    public Optional<CaseEntry> byNumber(String caseNumber) {
        return Optional.ofNullable(byNumber.get(caseNumber));
    }

    public List<Notice> notices() {
        synchronized (notices) {
            return List.copyOf(notices);
        }
    }
}
