package cn.hnsw.portsituation.kpi;

/**
 * The streams and tables indicators are computed from, each read as one shape: port, subject, time, dimensions
 * (JSON) and measures (JSON). The SQL here is fixed; indicators only choose a source and bind values.
 */
public enum KpiSource {

    /** Business facts from the partner feeds or recorded by an operator ({@code port_fact}). */
    FACT(false, "SELECT port_code, subject, occurred_at AS at, dims, measures FROM port_fact"),

    /** Flow observations of the gate loop and the other systems; the gate type of the gate that saw it, if any. */
    FLOW(false, """
            SELECT o.port_code, o.flow AS subject, o.occurred_at AS at,
                   jsonb_strip_nulls(jsonb_build_object('stage', o.stage, 'area', o.area, 'gateType', g.gate_type)) AS dims,
                   jsonb_build_object('quantity', o.quantity) AS measures
            FROM flow_observation o LEFT JOIN gate g ON g.code = o.area"""),

    /** Gate passes of the collection-and-release loop, with their decision and weighbridge weights. */
    GATE_PASS(false, """
            SELECT p.port_code, p.flow AS subject, p.recorded_at AS at,
                   jsonb_strip_nulls(jsonb_build_object('gateType', g.gate_type, 'decision', p.decision, 'state', p.state,
                       'vehicleType', p.capture -> 'vehicle' ->> 'vehicleType')) AS dims,
                   jsonb_strip_nulls(jsonb_build_object('passes', 1, 'persons', p.person_count,
                       'netKg', greatest(coalesce(p.gross_kg - p.tare_kg, 0), 0),
                       'decisionSeconds', extract(epoch FROM (p.decided_at - p.recorded_at)))) AS measures
            FROM gate_pass p JOIN gate g ON g.code = p.gate_code"""),

    /** Monitored facilities as they are now, with the area of the port they stand in when they said. */
    FACILITY(true, """
            SELECT port_code, kind AS subject, status_since AS at,
                   jsonb_strip_nulls(jsonb_build_object('status', status, 'kind', kind, 'area', area)) AS dims,
                   jsonb_build_object('count', 1, 'online', CASE WHEN status = 'ONLINE' THEN 1 ELSE 0 END,
                       'offline', CASE WHEN status = 'ONLINE' THEN 0 ELSE 1 END,
                       'fault', CASE WHEN status = 'FAULT' THEN 1 ELSE 0 END) AS measures
            FROM facility"""),

    /**
     * Facility incidents (faults, silences); once repaired, their time to repair; once an officer has acknowledged the
     * incident's alert, their fault response time (from the fault to the acknowledgement).
     */
    INCIDENT(false, """
            SELECT f.port_code, f.kind AS subject, i.started_at AS at,
                   jsonb_build_object('incident', i.kind, 'repaired', i.repaired_at IS NOT NULL,
                       'responded', a.acknowledged_at IS NOT NULL) AS dims,
                   jsonb_strip_nulls(jsonb_build_object('incidents', 1,
                       'repairMinutes', extract(epoch FROM (i.repaired_at - i.started_at)) / 60,
                       'respondMinutes', extract(epoch FROM (a.acknowledged_at - i.started_at)) / 60)) AS measures
            FROM facility_incident i JOIN facility f ON f.code = i.facility_code
            LEFT JOIN alert a ON a.alert_id = i.alert_id"""),

    /** The gates of the ports as they are now. */
    GATE(true, """
            SELECT port_code, flow AS subject, now() AS at,
                   jsonb_build_object('gateType', gate_type, 'status', status, 'reports', reports) AS dims,
                   jsonb_build_object('count', 1) AS measures
            FROM gate"""),

    /** Alerts of a port (any source service), by type and level, when raised. */
    ALERT(false, """
            SELECT port_code, type AS subject, raised_at AS at,
                   jsonb_build_object('type', type, 'level', level, 'status', status) AS dims,
                   jsonb_build_object('alerts', 1) AS measures
            FROM alert WHERE port_code IS NOT NULL"""),

    /** The facilities' counts per port and kind as the snapshots kept them (online-rate trends). */
    FACILITY_HISTORY(false, """
            SELECT port_code, kind AS subject, taken_at AS at, jsonb_build_object('kind', kind) AS dims,
                   jsonb_build_object('total', total, 'online', online, 'fault', fault) AS measures
            FROM facility_snapshot""");

    private final boolean snapshot;
    private final String sql;

    KpiSource(boolean snapshot, String sql) {
        this.snapshot = snapshot;
        this.sql = sql;
    }

    public boolean snapshot() {
        return snapshot;
    }

    String sql() {
        return sql;
    }
}
