package cn.hnsw.simulators.video;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The people the population/ID registry simulator holds (人口/身份证信息源): external id, person code (一人一码), name, ID
 * number and the ID photo as the registry sent it (any bytes: a photo without a face or a broken file is the registry's
 * data as it is). Empty at start; an operator or a test loads records ({@code PUT /v1/population-registry/records}),
 * so what a storage task imports is exactly what was loaded. It can be switched unreachable to show a task failing.
 */
@Component
public class PopulationRegistry {

    /** One person of the registry; {@code photo} may be null (a record without a photo). */
    public record Person(String externalId, String personCode, String name, String idNo, byte[] photo) {
        Map<String, Object> toMessage() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("externalId", externalId);
            m.put("personCode", personCode);
            m.put("name", name);
            m.put("idNo", idNo);
            m.put("photoBase64", photo == null ? null : Base64.getEncoder().encodeToString(photo));
            return m;
        }
    }

    private final Map<String, Person> people = new LinkedHashMap<>();
    private boolean reachable = true;

    public synchronized void put(Collection<Person> persons) {
        for (Person p : persons) {
            people.put(p.externalId(), p);
        }
    }

    public synchronized void reset() {
        people.clear();
        reachable = true;
    }

    public synchronized void reachable(boolean value) {
        reachable = value;
    }

    public synchronized boolean reachable() {
        return reachable;
    }

    public synchronized int total() {
        return people.size();
    }

    /** Records in load order, from {@code offset}, at most {@code limit}. */
    public synchronized List<Person> page(int offset, int limit) {
        List<Person> all = new ArrayList<>(people.values());
        int from = Math.min(Math.max(offset, 0), all.size());
        return List.copyOf(all.subList(from, Math.min(all.size(), from + Math.max(limit, 0))));
    }

    public synchronized Optional<Person> find(String externalId) {
        return Optional.ofNullable(people.get(externalId));
    }
}
