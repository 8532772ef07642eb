package cn.hnsw.simulators.port;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hnsw.simulators.port.*}: the AIS feeder simulator (where the platform's NMEA receiver listens, how often each
 * simulated ship reports, how much faster than real time the ships move) and the gate traffic simulator (the
 * platform's gate inbox and the interval between captures), and the facility, container and document feeds. All are
 * off unless enabled.
 */
@ConfigurationProperties("hnsw.simulators.port")
public record PortSimulatorProperties(Ais ais, Gates gates, Feeds feeds) {

    public PortSimulatorProperties {
        ais = ais == null ? new Ais(false, "localhost", 10110, Duration.ofSeconds(2), 20) : ais;
        gates = gates == null ? new Gates(false, "http://localhost:8084/api/port-situation/v1/public/inbox/gate-control",
                Duration.ofSeconds(5)) : gates;
        feeds = feeds == null ? new Feeds(false, Duration.ofSeconds(10)) : feeds;
    }

    public record Ais(boolean enabled, String host, int port, Duration reportInterval, double speedUp) {
        public Ais {
            reportInterval = reportInterval == null ? Duration.ofSeconds(2) : reportInterval;
            speedUp = speedUp <= 0 ? 1 : speedUp;
        }
    }

    /** The facility, container-terminal and document-flow simulators: on or off together, one round each interval. */
    public record Feeds(boolean enabled, Duration interval) {
        public Feeds {
            interval = interval == null ? Duration.ofSeconds(10) : interval;
        }
    }

    public record Gates(boolean enabled, String inboxUrl, Duration interval) {
        public Gates {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
        }
    }
}
