package cn.hnsw.simulators.port;

import java.util.List;

/**
 * One simulated vessel sailing a route of waypoints back and forth (ferries across the Qiongzhou Strait) or once and
 * then moored (cargo ships into Yangpu). Positions are computed from elapsed simulated time, so the tracks are smooth.
 *
 * @param route      [latitude, longitude] waypoints
 * @param speedKnots service speed
 * @param shipType   ITU-R M.1371 type code (60 passenger, 70 cargo, 80 tanker)
 */
public record SimulatedShip(int mmsi, String name, String callsign, int imo, int shipType, String destination,
                            List<double[]> route, double speedKnots, boolean shuttle) {

    /** Where the ship is after {@code hours} of simulated sailing: lat, lon, course (deg), speed (kn), nav status. */
    public double[] at(double hours) {
        double total = 0;
        double[] legs = new double[route.size() - 1];
        for (int i = 0; i < legs.length; i++) {
            legs[i] = nauticalMiles(route.get(i), route.get(i + 1));
            total += legs[i];
        }
        double travelled = hours * speedKnots;
        boolean back = false;
        if (shuttle) {
            double cycle = total * 2 + 0.5 * speedKnots; // half an hour at each berth
            travelled = travelled % cycle;
            if (travelled > total + 0.25 * speedKnots) {
                back = true;
                travelled = travelled - total - 0.25 * speedKnots;
            }
            if (travelled > total) {
                double[] end = back ? route.getFirst() : route.getLast();
                return new double[] {end[0], end[1], 0, 0, 5};
            }
        } else if (travelled >= total) {
            double[] end = route.getLast();
            return new double[] {end[0], end[1], 0, 0, 5};
        }
        List<double[]> path = back ? route.reversed() : route;
        double[] legLengths = back ? reverse(legs) : legs;
        for (int i = 0; i < legLengths.length; i++) {
            if (travelled <= legLengths[i]) {
                double f = legLengths[i] == 0 ? 0 : travelled / legLengths[i];
                double[] a = path.get(i);
                double[] b = path.get(i + 1);
                double lat = a[0] + (b[0] - a[0]) * f;
                double lon = a[1] + (b[1] - a[1]) * f;
                return new double[] {lat, lon, course(a, b), speedKnots, 0};
            }
            travelled -= legLengths[i];
        }
        double[] end = path.getLast();
        return new double[] {end[0], end[1], 0, 0, 5};
    }

    private static double[] reverse(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static double nauticalMiles(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a[0]))
                * Math.cos(Math.toRadians(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 3440.065 * Math.asin(Math.sqrt(h));
    }

    static double course(double[] a, double[] b) {
        double y = Math.sin(Math.toRadians(b[1] - a[1])) * Math.cos(Math.toRadians(b[0]));
        double x = Math.cos(Math.toRadians(a[0])) * Math.sin(Math.toRadians(b[0]))
                - Math.sin(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.cos(Math.toRadians(b[1] - a[1]));
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }
}
