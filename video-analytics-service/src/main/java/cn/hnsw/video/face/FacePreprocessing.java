package cn.hnsw.video.face;

/**
 * Turns image regions into net inputs exactly as face-api does: the region is zero-padded to a square (at the
 * bottom/right, or centred with {@code round(diff / 2)} after and the rest before), resized with TF's legacy
 * bilinear formula (source = destination × in / out, no half-pixel centres), then {@code (x − mean) / 255} per RGB
 * channel, written as NCHW.
 */
final class FacePreprocessing {

    static final float[] DETECTOR_MEAN = {117.001f, 114.697f, 97.404f};
    static final float[] FACE_MEAN = {122.782f, 117.001f, 104.298f};

    private FacePreprocessing() {
    }

    /**
     * @param x0 region left (integer, inside the image)
     * @param y0 region top
     * @param w  region width
     * @param h  region height
     */
    static float[] squareInput(RgbImage img, int x0, int y0, int w, int h, boolean centered, int size, float[] mean) {
        int side = Math.max(w, h);
        int diffX = side - w;
        int diffY = side - h;
        int beforeX = centered ? diffX - (int) Math.round(diffX * 0.5) : 0;
        int beforeY = centered ? diffY - (int) Math.round(diffY * 0.5) : 0;
        double ratio = (double) side / size;
        float[] out = new float[3 * size * size];
        int plane = size * size;
        int[] colFloor = new int[size];
        int[] colCeil = new int[size];
        double[] colFrac = new double[size];
        for (int c = 0; c < size; c++) {
            double src = ratio * c;
            colFloor[c] = Math.max(0, (int) Math.floor(src));
            colFrac[c] = src - colFloor[c];
            colCeil[c] = Math.min(side - 1, (int) Math.ceil(src));
        }
        byte[] rgb = img.rgb();
        int stride = img.width() * 3;
        // source byte offsets of the left/right neighbour per output column, -1 where it falls in the padding
        int[] leftAt = new int[size];
        int[] rightAt = new int[size];
        for (int c = 0; c < size; c++) {
            int lx = colFloor[c] - beforeX;
            int rx = colCeil[c] - beforeX;
            leftAt[c] = lx < 0 || lx >= w ? -1 : (x0 + lx) * 3;
            rightAt[c] = rx < 0 || rx >= w ? -1 : (x0 + rx) * 3;
        }
        for (int r = 0; r < size; r++) {
            double src = ratio * r;
            int rowFloor = Math.max(0, (int) Math.floor(src));
            double rowFrac = src - rowFloor;
            int rowCeil = Math.min(side - 1, (int) Math.ceil(src));
            int ty = rowFloor - beforeY;
            int by = rowCeil - beforeY;
            int topRow = ty < 0 || ty >= h ? -1 : (y0 + ty) * stride;
            int bottomRow = by < 0 || by >= h ? -1 : (y0 + by) * stride;
            for (int c = 0; c < size; c++) {
                int l = leftAt[c];
                int rr = rightAt[c];
                for (int ch = 0; ch < 3; ch++) {
                    double topLeft = at(rgb, topRow, l, ch);
                    double topRight = at(rgb, topRow, rr, ch);
                    double bottomLeft = at(rgb, bottomRow, l, ch);
                    double bottomRight = at(rgb, bottomRow, rr, ch);
                    double top = topLeft + (topRight - topLeft) * colFrac[c];
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * colFrac[c];
                    float v = (float) (top + (bottom - top) * rowFrac);
                    out[ch * plane + r * size + c] = (v - mean[ch]) / 255f;
                }
            }
        }
        return out;
    }

    /** The byte at a row offset and column offset, 0 in the padding (offset -1). */
    private static int at(byte[] rgb, int row, int col, int ch) {
        return row < 0 || col < 0 ? 0 : rgb[row + col + ch] & 0xff;
    }

    /**
     * A {@code size}×{@code size} input sampled from a square of side {@code side} whose top-left corner is
     * {@code (left, top)} in a frame rotated by {@code angle} radians around {@code (cx, cy)}: the crop with the eyes
     * levelled. Outside the image reads as zero, like face-api's padding.
     */
    static float[] rotatedSquareInput(RgbImage img, double left, double top, double side, double cx, double cy,
            double angle, int size, float[] mean) {
        float[] out = new float[3 * size * size];
        int plane = size * size;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double step = side / size;
        byte[] rgb = img.rgb();
        int width = img.width();
        int height = img.height();
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double u = left + c * step - cx;
                double v = top + r * step - cy;
                double sx = cx + u * cos - v * sin;
                double sy = cy + u * sin + v * cos;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int o = r * size + c;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
                    // inside: read the four neighbours straight from the array
                    int tlAt = (y0 * width + x0) * 3;
                    int blAt = tlAt + width * 3;
                    for (int ch = 0; ch < 3; ch++) {
                        double tl = rgb[tlAt + ch] & 0xff;
                        double tr = rgb[tlAt + 3 + ch] & 0xff;
                        double bl = rgb[blAt + ch] & 0xff;
                        double br = rgb[blAt + 3 + ch] & 0xff;
                        double t = tl + (tr - tl) * fx;
                        double b = bl + (br - bl) * fx;
                        float value = (float) (t + (b - t) * fy);
                        out[ch * plane + o] = (value - mean[ch]) / 255f;
                    }
                    continue;
                }
                for (int ch = 0; ch < 3; ch++) {
                    double tl = sample(img, x0, y0, ch);
                    double tr = sample(img, x0 + 1, y0, ch);
                    double bl = sample(img, x0, y0 + 1, ch);
                    double br = sample(img, x0 + 1, y0 + 1, ch);
                    double t = tl + (tr - tl) * fx;
                    double b = bl + (br - bl) * fx;
                    float value = (float) (t + (b - t) * fy);
                    out[ch * plane + o] = (value - mean[ch]) / 255f;
                }
            }
        }
        return out;
    }

    private static double sample(RgbImage img, int x, int y, int ch) {
        if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) {
            return 0;
        }
        return img.get(x, y, ch);
    }
}
