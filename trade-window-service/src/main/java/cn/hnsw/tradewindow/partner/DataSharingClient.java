package cn.hnsw.tradewindow.partner;

import cn.hnsw.common.partner.PartnerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 省数据共享平台 (and the registration sources behind it) over sealed partner messages: SHARED_DATA_QUERY. */
public class DataSharingClient implements SharedDataGateway {

    public static final String DATA_SHARING = "data-sharing";

    private final PartnerMessages messages;
    private final Clock clock;

    public DataSharingClient(PartnerClient client, ObjectMapper json, Clock clock) {
        this.messages = new PartnerMessages(client, json);
        this.clock = clock;
    }

    @Override
    public SharedDataSet fetch(String enterpriseUscc, SharedDataKind kind) {
        JsonNode answer = messages.exchange(DATA_SHARING, "省数据共享平台 Data-sharing platform", "SHARED_DATA_QUERY",
                Map.of("enterpriseUscc", enterpriseUscc, "kind", kind.name()));
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode r : answer.path("records")) {
            Map<String, String> row = new LinkedHashMap<>();
            r.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
            records.add(row);
        }
        return new SharedDataSet(kind, enterpriseUscc, records, answer.path("source").asText(DATA_SHARING),
                clock.instant());
    }
}
