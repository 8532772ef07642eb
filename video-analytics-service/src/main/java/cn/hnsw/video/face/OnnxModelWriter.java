package cn.hnsw.video.face;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an ONNX {@code ModelProto} (protobuf wire format, field numbers from onnx.proto) for a graph assembled in
 * Java from face-api's TF.js weights. Only what the face nets need: float initialisers, int64 constants, nodes with
 * int / ints / float attributes, float inputs and outputs of fixed shape or an open
 * batch dimension ({@link #BATCH}).
 */
final class OnnxModelWriter {

    private static final int IR_VERSION = 8;
    private static final int OPSET = 13;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    /** A dimension left open (dim_param "N"): the batch of the face nets, one row per face. */
    static final long BATCH = -1;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;

    OnnxModelWriter(String name) {
        this.name = name;
    }

    /** A fresh tensor name with the given prefix. */
    String fresh(String prefix) {
        return prefix + "_" + (counter++);
    }

    void input(String tensor, long... dims) {
        inputs.add(valueInfo(tensor, dims));
    }

    void output(String tensor, long... dims) {
        outputs.add(valueInfo(tensor, dims));
    }

    String floats(String tensorName, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(tensor(tensorName, FLOAT, dims, raw.array()));
        return tensorName;
    }

    String int64s(String tensorName, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        initializers.add(tensor(tensorName, INT64, new long[] {values.length}, raw.array()));
        return tensorName;
    }

    /** Adds a node; {@code attributes} are {@link Attr}s. Returns the (single) output name. */
    String node(String opType, List<String> in, String out, Attr... attributes) {
        Proto n = new Proto();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out);
        n.string(3, fresh(opType.toLowerCase()));
        n.string(4, opType);
        for (Attr a : attributes) {
            n.message(5, a.encode());
        }
        nodes.add(n.bytes());
        return out;
    }

    byte[] toBytes() {
        Proto graph = new Proto();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        Proto opset = new Proto();
        opset.string(1, "");
        opset.varintField(2, OPSET);
        Proto model = new Proto();
        model.varintField(1, IR_VERSION);
        model.string(2, "hnsw-video-analytics");
        model.message(7, graph.bytes());
        model.message(8, opset.bytes());
        return model.bytes();
    }

    private static byte[] tensor(String name, int type, long[] dims, byte[] raw) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varintField(1, d);
        }
        t.varintField(2, type);
        t.string(8, name);
        t.bytesField(9, raw);
        return t.bytes();
    }

    private static byte[] valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            Proto dim = new Proto();
            if (d == BATCH) {
                dim.string(2, "N");
            } else {
                dim.varintField(1, d);
            }
            shape.message(1, dim.bytes());
        }
        Proto tensorType = new Proto();
        tensorType.varintField(1, FLOAT);
        tensorType.message(2, shape.bytes());
        Proto type = new Proto();
        type.message(1, tensorType.bytes());
        Proto info = new Proto();
        info.string(1, name);
        info.message(2, type.bytes());
        return info.bytes();
    }

    /** An attribute of a node. */
    record Attr(String name, Long i, long[] ints, Float f) {
        static Attr i(String name, long value) {
            return new Attr(name, value, null, null);
        }

        static Attr ints(String name, long... values) {
            return new Attr(name, null, values, null);
        }

        static Attr f(String name, float value) {
            return new Attr(name, null, null, value);
        }

        byte[] encode() {
            Proto a = new Proto();
            a.string(1, name);
            if (f != null) {
                a.fixed32Field(2, Float.floatToRawIntBits(f));
                a.varintField(20, 1);
            } else if (i != null) {
                a.varintField(3, i);
                a.varintField(20, 2);
            } else {
                for (long v : ints) {
                    a.varintField(8, v);
                }
                a.varintField(20, 7);
            }
            return a.bytes();
        }
    }

    /** Protobuf wire encoding of one message. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varintField(int field, long value) {
            varint(((long) field << 3));
            varint(value);
        }

        void fixed32Field(int field, int bits) {
            varint(((long) field << 3) | 5);
            out.write(bits & 0xff);
            out.write((bits >>> 8) & 0xff);
            out.write((bits >>> 16) & 0xff);
            out.write((bits >>> 24) & 0xff);
        }

        void bytesField(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
        }

        void string(int field, String value) {
            bytesField(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, byte[] encoded) {
            bytesField(field, encoded);
        }

        private void varint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
