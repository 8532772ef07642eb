package cn.hnsw.video.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The tensors of one face-api net, read from its TF.js {@code *-weights_manifest.json} and {@code .bin} (tensors back
 * to back in manifest order; a quantised tensor is uint8 with {@code value = q * scale + min}, the others are
 * little-endian float32, so offsets follow each tensor's stored dtype).
 */
final class NetWeights {

    record Tensor(int[] shape, float[] values) {
    }

    private final Map<String, Tensor> tensors;

    private NetWeights(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    /** Loads {@code <dir>/<net>-weights_manifest.json} and its shards from the classpath. */
    static NetWeights fromClasspath(String dir, String net) {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode manifest = json.readTree(resource(dir + "/" + net + "-weights_manifest.json"));
            Map<String, Tensor> tensors = new HashMap<>();
            for (JsonNode group : manifest) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                for (JsonNode path : group.get("paths")) {
                    try (InputStream in = resource(dir + "/" + path.asText())) {
                        all.writeBytes(in.readAllBytes());
                    }
                }
                ByteBuffer data = ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                for (JsonNode w : group.get("weights")) {
                    int[] shape = new int[w.get("shape").size()];
                    int size = 1;
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = w.get("shape").get(i).asInt();
                        size *= shape[i];
                    }
                    float[] values = new float[size];
                    JsonNode q = w.get("quantization");
                    if (q != null) {
                        if (!"uint8".equals(q.get("dtype").asText())) {
                            throw new IllegalStateException("unsupported quantisation " + q.get("dtype").asText());
                        }
                        float scale = (float) q.get("scale").asDouble();
                        float min = (float) q.get("min").asDouble();
                        for (int i = 0; i < size; i++) {
                            values[i] = (data.get() & 0xff) * scale + min;
                        }
                    } else if ("float32".equals(w.get("dtype").asText())) {
                        for (int i = 0; i < size; i++) {
                            values[i] = data.getFloat();
                        }
                    } else {
                        throw new IllegalStateException("unsupported dtype " + w.get("dtype").asText());
                    }
                    tensors.put(w.get("name").asText(), new Tensor(shape, values));
                }
            }
            return new NetWeights(tensors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read face net " + net, e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = NetWeights.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing classpath resource " + path
                    + " (the build copies the nets from the npm package @vladmandic/face-api)");
        }
        return in;
    }

    Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("no tensor " + name);
        }
        return t;
    }

    /** A TF.js conv filter [kh, kw, in, out] (HWIO) as ONNX OIHW, each output channel multiplied by {@code scale}. */
    static float[] hwioToOihw(Tensor t, float[] scale) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int in = t.shape()[2];
        int out = t.shape()[3];
        float[] r = new float[t.values().length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float v = t.values()[((h * kw + w) * in + i) * out + o];
                        r[((o * in + i) * kh + h) * kw + w] = scale == null ? v : v * scale[o];
                    }
                }
            }
        }
        return r;
    }

    /** A TF.js depthwise filter [kh, kw, c, 1] as an ONNX grouped-conv weight [c, 1, kh, kw]. */
    static float[] depthwiseToOnnx(Tensor t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int c = t.shape()[2];
        float[] r = new float[t.values().length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int ch = 0; ch < c; ch++) {
                    r[(ch * kh + h) * kw + w] = t.values()[(h * kw + w) * c + ch];
                }
            }
        }
        return r;
    }
}
