package cn.hnsw.simulators.port;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated fleet: ro-ro passenger ferries across the Qiongzhou Strait between Xinhai / Xiuying and Hai'an
 * (Xuwen), and cargo ships and a tanker into Yangpu. MMSIs use China's MID 412–414; names are made up in the style of
 * the strait's ferries; coordinates are approximate public ones (WGS-84).
 */
public final class QiongzhouTraffic {

    static final double[] XINHAI = {20.0555, 110.1520};
    static final double[] XIUYING = {20.0290, 110.2790};
    static final double[] HAIAN_NEW = {20.2615, 110.1915};
    static final double[] HAIAN = {20.2720, 110.2260};
    static final double[] STRAIT_WEST = {20.1600, 110.1600};
    static final double[] STRAIT_EAST = {20.1500, 110.2600};
    static final double[] YANGPU = {19.7270, 109.1780};
    static final double[] YANGPU_APPROACH = {19.8000, 109.0800};
    static final double[] GULF_OF_TONKIN = {20.0500, 108.7000};
    static final double[] SOUTH_APPROACH = {19.5000, 108.8500};

    private QiongzhouTraffic() {
    }

    public static List<SimulatedShip> fleet() {
        List<SimulatedShip> ships = new ArrayList<>();
        String[] ferries = {"HAI XIA 1", "HAI XIA 2", "QIONG ZHOU 3", "ZI JING 12", "ZI JING 18", "WU ZHI SHAN",
                "SHUANG TAI 26", "YUE HAI TIE 1"};
        for (int i = 0; i < ferries.length; i++) {
            boolean fromXinhai = i % 2 == 0;
            List<double[]> route = fromXinhai ? List.of(XINHAI, STRAIT_WEST, HAIAN_NEW) : List.of(XIUYING, STRAIT_EAST, HAIAN);
            ships.add(new SimulatedShip(412_300_100 + i * 7, ferries[i], "BQ" + (char) ('A' + i) + "Z", 9_600_100 + i * 13,
                    60, fromXinhai ? "HAIAN" : "XIUYING", route, 13.5 + (i % 3), true));
        }
        ships.add(new SimulatedShip(413_455_120, "YANG PU XIN DA", "BQYP", 9_712_345, 70, "YANGPU",
                List.of(GULF_OF_TONKIN, YANGPU_APPROACH, YANGPU), 12.0, true));
        ships.add(new SimulatedShip(414_200_330, "ZHONG GU NAN NING", "BQZG", 9_745_612, 71, "YANGPU",
                List.of(SOUTH_APPROACH, YANGPU_APPROACH, YANGPU), 14.0, true));
        ships.add(new SimulatedShip(413_981_006, "HUA NENG YOU 7", "BQHN", 9_688_210, 80, "YANGPU",
                List.of(GULF_OF_TONKIN, SOUTH_APPROACH, YANGPU_APPROACH, YANGPU), 11.0, true));
        return ships;
    }
}
