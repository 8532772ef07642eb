package cn.hnsw.video.face;

import cn.hnsw.video.face.NetWeights.Tensor;
import cn.hnsw.video.face.OnnxModelWriter.Attr;
import java.util.List;

/**
 * ONNX graphs of face-api's nets, built from their TF.js weights (architecture as in the package's {@code src/}).
 * Inputs are NCHW float tensors that {@link FacePreprocessing} prepares exactly as face-api does. Where TF pads
 * 'same' asymmetrically (only bottom/right for stride 2 on even sizes) the pads are written explicitly.
 */
final class FaceNetGraphs {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private FaceNetGraphs() {
    }

    /** Tiny face detector (TinyYolov2 with separable convs); output [1, 25, cells, cells], 5 anchors × (x, y, w, h, score). */
    static byte[] tinyFaceDetector(NetWeights w, int inputSize) {
        Ops g = new Ops("tiny_face_detector");
        g.m.input(INPUT, 1, 3, inputSize, inputSize);
        String x = g.leaky(g.conv(INPUT, w.get("conv0/filters"), w.get("conv0/bias"), null, null, 1, pads(0, 0, 0, 0), 1));
        int size = inputSize - 2;
        for (int i = 1; i <= 5; i++) {
            x = g.maxPoolSame(x, size, 2);
            size = (size + 1) / 2;
            x = g.leaky(g.separable(x, w, "conv" + i, 1, pads(1, 1, 1, 1)));
        }
        x = g.maxPoolSame(x, size, 1);
        x = g.conv(x, w.get("conv8/filters"), w.get("conv8/bias"), null, null, 1, pads(0, 0, 0, 0), 1);
        g.m.node("Identity", List.of(x), OUTPUT);
        int cells = size;
        g.m.output(OUTPUT, 1, 25, cells, cells);
        return g.m.toBytes();
    }

    /** 68-point landmark net (four dense blocks of separable convs, then a fully connected layer): 136 relative coordinates. */
    static byte[] landmark68(NetWeights w) {
        Ops g = new Ops("face_landmark_68");
        g.m.input(INPUT, OnnxModelWriter.BATCH, 3, 112, 112);
        String x = INPUT;
        for (int b = 0; b < 4; b++) {
            x = g.denseBlock4(x, w, "dense" + b, b == 0);
        }
        x = g.m.node("GlobalAveragePool", List.of(x), g.m.fresh("gap"));
        x = g.m.node("Flatten", List.of(x), g.m.fresh("flat"));
        x = g.matmulBias(x, w.get("fc/weights"), w.get("fc/bias"));
        g.m.node("Identity", List.of(x), OUTPUT);
        g.m.output(OUTPUT, OnnxModelWriter.BATCH, 136);
        return g.m.toBytes();
    }

    /** Recognition net (ResNet-34-like, 29 convs): 128-d descriptor from a 150×150 face. */
    static byte[] recognition(NetWeights w) {
        Ops g = new Ops("face_recognition");
        g.m.input(INPUT, OnnxModelWriter.BATCH, 3, 150, 150);
        String x = g.relu(g.scaledConv(INPUT, w, "conv32_down", 2, pads(0, 0, 0, 0)));
        x = g.m.node("MaxPool", List.of(x), g.m.fresh("pool"), Attr.ints("kernel_shape", 3, 3), Attr.ints("strides", 2, 2),
                Attr.ints("pads", 0, 0, 0, 0));
        int size = 35;
        int channels = 32;
        for (String block : List.of("conv32_1", "conv32_2", "conv32_3")) {
            x = g.residual(x, w, block);
        }
        String[][] stages = {
            {"conv64_down", "conv64_1", "conv64_2", "conv64_3"},
            {"conv128_down", "conv128_1", "conv128_2"},
            {"conv256_down", "conv256_1", "conv256_2"},
            {"conv256_down_out"},
        };
        for (String[] stage : stages) {
            int outChannels = w.get(stage[0] + "/conv1/conv/filters").shape()[3];
            x = g.residualDown(x, w, stage[0], size, channels, outChannels);
            size = size / 2;
            channels = outChannels;
            for (int i = 1; i < stage.length; i++) {
                x = g.residual(x, w, stage[i]);
            }
        }
        x = g.m.node("GlobalAveragePool", List.of(x), g.m.fresh("gap"));
        x = g.m.node("Flatten", List.of(x), g.m.fresh("flat"));
        Tensor fc = w.get("fc");
        x = g.m.node("MatMul", List.of(x, g.m.floats(g.m.fresh("fc"), fc.values(), fc.shape()[0], fc.shape()[1])),
                g.m.fresh("mm"));
        g.m.node("Identity", List.of(x), OUTPUT);
        g.m.output(OUTPUT, OnnxModelWriter.BATCH, 128);
        return g.m.toBytes();
    }

    /**
     * Age and gender net (TinyXception with two middle blocks, 112 px input): output [1, 3] = age in years, then the
     * two gender logits (male, female) before softmax.
     */
    static byte[] ageGender(NetWeights w) {
        Ops g = new Ops("age_gender");
        g.m.input(INPUT, OnnxModelWriter.BATCH, 3, 112, 112);
        long[] down = pads(0, 0, 1, 1);
        long[] same = pads(1, 1, 1, 1);
        String x = g.relu(g.conv(INPUT, w.get("entry_flow/conv_in/filters"), w.get("entry_flow/conv_in/bias"), null,
                null, 2, down, 1));
        x = g.reductionBlock(x, w, "entry_flow/reduction_block_0", false);
        x = g.reductionBlock(x, w, "entry_flow/reduction_block_1", true);
        for (int i = 0; i < 2; i++) {
            String p = "middle_flow/main_block_" + i;
            String out = g.separable(g.relu(x), w, p + "/separable_conv0", 1, same);
            out = g.separable(g.relu(out), w, p + "/separable_conv1", 1, same);
            out = g.separable(g.relu(out), w, p + "/separable_conv2", 1, same);
            x = g.add(out, x);
        }
        x = g.reductionBlock(x, w, "exit_flow/reduction_block", true);
        x = g.relu(g.separable(x, w, "exit_flow/separable_conv", 1, same));
        x = g.m.node("GlobalAveragePool", List.of(x), g.m.fresh("gap"));
        x = g.m.node("Flatten", List.of(x), g.m.fresh("flat"));
        String age = g.matmulBias(x, w.get("fc/age/weights"), w.get("fc/age/bias"));
        String gender = g.matmulBias(x, w.get("fc/gender/weights"), w.get("fc/gender/bias"));
        g.m.node("Concat", List.of(age, gender), OUTPUT, Attr.i("axis", 1));
        g.m.output(OUTPUT, OnnxModelWriter.BATCH, 3);
        return g.m.toBytes();
    }

    private static long[] pads(long top, long left, long bottom, long right) {
        return new long[] {top, left, bottom, right};
    }

    /** Pads TF's 'same' uses: total = max((out − 1)·stride + k − in, 0), the smaller half before. */
    static long[] samePads(int in, int k, int stride) {
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + k - in, 0);
        int before = total / 2;
        return pads(before, before, total - before, total - before);
    }

    private static final class Ops {
        final OnnxModelWriter m;

        Ops(String name) {
            this.m = new OnnxModelWriter(name);
        }

        String conv(String x, Tensor filters, Tensor bias, float[] scale, float[] shift, int stride, long[] pads,
                int group) {
            int out = filters.shape()[3];
            int in = filters.shape()[2];
            int kh = filters.shape()[0];
            int kw = filters.shape()[1];
            float[] b = new float[out];
            for (int o = 0; o < out; o++) {
                float v = bias == null ? 0f : bias.values()[o];
                b[o] = scale == null ? v : v * scale[o] + shift[o];
            }
            String wName = m.floats(m.fresh("w"), NetWeights.hwioToOihw(filters, scale), out, in, kh, kw);
            String bName = m.floats(m.fresh("b"), b, out);
            return m.node("Conv", List.of(x, wName, bName), m.fresh("conv"), Attr.ints("kernel_shape", kh, kw),
                    Attr.ints("strides", stride, stride), Attr.ints("pads", pads), Attr.i("group", group));
        }

        /** TF separableConv2d + bias: depthwise (no bias) then pointwise with the bias. */
        String separable(String x, NetWeights w, String prefix, int stride, long[] pads) {
            Tensor dw = w.get(prefix + "/depthwise_filter");
            int c = dw.shape()[2];
            String dwName = m.floats(m.fresh("dw"), NetWeights.depthwiseToOnnx(dw), c, 1, dw.shape()[0], dw.shape()[1]);
            String d = m.node("Conv", List.of(x, dwName), m.fresh("dconv"), Attr.ints("kernel_shape", dw.shape()[0],
                    dw.shape()[1]), Attr.ints("strides", stride, stride), Attr.ints("pads", pads), Attr.i("group", c));
            return conv(d, w.get(prefix + "/pointwise_filter"), w.get(prefix + "/bias"), null, null, 1,
                    pads(0, 0, 0, 0), 1);
        }

        String leaky(String x) {
            return m.node("LeakyRelu", List.of(x), m.fresh("leaky"), Attr.f("alpha", 0.1f));
        }

        String relu(String x) {
            return m.node("Relu", List.of(x), m.fresh("relu"));
        }

        String add(String a, String b) {
            return m.node("Add", List.of(a, b), m.fresh("add"));
        }

        String maxPoolSame(String x, int size, int stride) {
            return m.node("MaxPool", List.of(x), m.fresh("pool"), Attr.ints("kernel_shape", 2, 2),
                    Attr.ints("strides", stride, stride), Attr.ints("pads", samePads(size, 2, stride)));
        }

        String matmulBias(String x, Tensor weights, Tensor bias) {
            String mm = m.node("MatMul", List.of(x, m.floats(m.fresh("fc"), weights.values(), weights.shape()[0],
                    weights.shape()[1])), m.fresh("mm"));
            return m.node("Add", List.of(mm, m.floats(m.fresh("fcb"), bias.values(), bias.shape()[0])), m.fresh("fcadd"));
        }

        String denseBlock4(String x, NetWeights w, String prefix, boolean firstLayer) {
            // all dense blocks scale down by 2 from an even size: TF 'same' pads only bottom/right
            long[] down = pads(0, 0, 1, 1);
            String out1 = relu(firstLayer
                    ? conv(x, w.get(prefix + "/conv0/filters"), w.get(prefix + "/conv0/bias"), null, null, 2, down, 1)
                    : separable(x, w, prefix + "/conv0", 2, down));
            long[] same = pads(1, 1, 1, 1);
            String out2 = separable(out1, w, prefix + "/conv1", 1, same);
            String in3 = relu(add(out1, out2));
            String out3 = separable(in3, w, prefix + "/conv2", 1, same);
            String in4 = relu(add(out1, add(out2, out3)));
            String out4 = separable(in4, w, prefix + "/conv3", 1, same);
            return relu(add(out1, add(out2, add(out3, out4))));
        }

        /** TinyXception reduction: (relu) sep, relu, sep, max-pool 3×3/2 'same', plus a strided 1×1 expansion conv. */
        String reductionBlock(String x, NetWeights w, String prefix, boolean activateInput) {
            long[] same = pads(1, 1, 1, 1);
            String out = activateInput ? relu(x) : x;
            out = separable(out, w, prefix + "/separable_conv0", 1, same);
            out = separable(relu(out), w, prefix + "/separable_conv1", 1, same);
            out = m.node("MaxPool", List.of(out), m.fresh("pool"), Attr.ints("kernel_shape", 3, 3),
                    Attr.ints("strides", 2, 2), Attr.ints("pads", 0, 0, 1, 1));
            String expansion = conv(x, w.get(prefix + "/expansion_conv/filters"), w.get(prefix + "/expansion_conv/bias"),
                    null, null, 2, pads(0, 0, 0, 0), 1);
            return add(out, expansion);
        }

        String scaledConv(String x, NetWeights w, String prefix, int stride, long[] pads) {
            return conv(x, w.get(prefix + "/conv/filters"), w.get(prefix + "/conv/bias"),
                    w.get(prefix + "/scale/weights").values(), w.get(prefix + "/scale/biases").values(), stride, pads, 1);
        }

        String residual(String x, NetWeights w, String prefix) {
            String out = relu(scaledConv(x, w, prefix + "/conv1", 1, pads(1, 1, 1, 1)));
            out = scaledConv(out, w, prefix + "/conv2", 1, pads(1, 1, 1, 1));
            return relu(add(out, x));
        }

        String residualDown(String x, NetWeights w, String prefix, int size, int inChannels, int outChannels) {
            String out = relu(scaledConv(x, w, prefix + "/conv1", 2, pads(0, 0, 0, 0)));
            out = scaledConv(out, w, prefix + "/conv2", 1, pads(1, 1, 1, 1));
            int convSize = (size - 3) / 2 + 1;
            int poolSize = size / 2;
            if (convSize != poolSize) {
                // face-api appends one zero row at the bottom and one zero column at the right of the conv branch
                out = m.node("Pad", List.of(out, m.int64s(m.fresh("pads"), 0, 0, 0, 0, 0, 0, 1, 1)), m.fresh("pad"));
            }
            String pooled = m.node("AveragePool", List.of(x), m.fresh("avg"), Attr.ints("kernel_shape", 2, 2),
                    Attr.ints("strides", 2, 2), Attr.ints("pads", 0, 0, 0, 0));
            if (inChannels != outChannels) {
                pooled = m.node("Pad", List.of(pooled, m.int64s(m.fresh("pads"), 0, 0, 0, 0, 0,
                        outChannels - inChannels, 0, 0)), m.fresh("pad"));
            }
            return relu(add(pooled, out));
        }
    }
}
