package cn.hnsw.video.behavior;

/**
 * Per-camera region and thresholds of the behaviour analyses (stored as data in {@code behavior_rule}). Distances are
 * in fractions of the frame width, times in seconds; the region is x, y, width, height in fractions of the frame.
 *
 * @param region            where loitering, crowding and objects count (whole frame: 0, 0, 1, 1)
 * @param runningSpeed      track speed above which a person runs (frame widths per second)
 * @param runningMinSeconds how long the speed must hold
 * @param loiterSeconds     dwell in the region above which a person loiters
 * @param crowdCount        people in the region at or above which a crowd forms
 * @param crowdSeconds      how long the count must hold
 * @param violentEnergy     share of the region's pixels changing strongly between frames above which motion is violent
 * @param violentSeconds    how long the energy must hold
 * @param staticSeconds     how long a new (left) or missing (lost) object must stay before it is reported
 * @param minBlobArea       smallest moving region counted as a person or object (fraction of the frame area)
 */
public record BehaviorRules(double[] region, double runningSpeed, double runningMinSeconds, double loiterSeconds,
        int crowdCount, double crowdSeconds, double violentEnergy, double violentSeconds, double staticSeconds,
        double minBlobArea) {

    public static BehaviorRules defaults() {
        return new BehaviorRules(new double[] {0, 0, 1, 1}, 0.35, 0.8, 8, 5, 2, 0.25, 1.0, 4, 0.0015);
    }
}
