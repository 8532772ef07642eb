// Run once (node reference.cjs > ../src/test/resources/face/face-api-reference.json): runs face-api's own
// JavaScript (TF.js CPU backend) on the package's demo photographs and records, per face, the detection, the 68
// landmarks, the crop face-api aligns to and the 128-d descriptor. The Java ONNX Runtime port is tested against it.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { decodeSample } = require('./decode.cjs');

const pkg = path.join(__dirname, 'node_modules', '@vladmandic', 'face-api');
// The browser bundle runs under Node when it sees neither Node nor a DOM; then TF.js uses its CPU backend.
const ctx = { console, setTimeout, clearTimeout, TextEncoder, TextDecoder, performance, Float32Array, Int32Array, Uint8Array };
ctx.window = ctx;
ctx.self = ctx;
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(path.join(pkg, 'dist', 'face-api.js'), 'utf8'), ctx);
const faceapi = ctx.faceapi;
const tf = faceapi.tf;
const util = require('util');
tf.env().setPlatform('node-vm', {
  fetch: () => Promise.reject(new Error('no network')),
  now: () => performance.now(),
  encode: (text) => new TextEncoder().encode(text),
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  isTypedArray: (a) => util.types.isFloat32Array(a) || util.types.isInt32Array(a) || util.types.isUint8Array(a)
    || util.types.isUint8ClampedArray(a),
  setTimeoutCustom: (f, ms) => setTimeout(f, ms),
});

// face-api needs an environment; only tensors are passed in, so no canvas is ever used.
class NoCanvas {}
faceapi.env.setEnv({
  CanvasRenderingContext2D: NoCanvas,
  Canvas: NoCanvas, Image: NoCanvas, ImageData: NoCanvas, Video: NoCanvas,
  createCanvasElement: () => { throw new Error('no canvas'); },
  createImageElement: () => { throw new Error('no image element'); },
  fetch: () => Promise.reject(new Error('no network')),
  readFile: () => Promise.reject(new Error('no files')),
});

function load(net, name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', name + '-weights_manifest.json'), 'utf8'));
  const specs = manifest.flatMap((g) => g.weights);
  const buf = Buffer.concat(manifest.flatMap((g) => g.paths).map((p) => fs.readFileSync(path.join(pkg, 'model', p))));
  net.loadFromWeightMap(tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length), specs));
}

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  load(faceapi.nets.tinyFaceDetector, 'tiny_face_detector_model');
  load(faceapi.nets.faceLandmark68Net, 'face_landmark_68_model');
  load(faceapi.nets.faceRecognitionNet, 'face_recognition_model');
  load(faceapi.nets.ageGenderNet, 'age_gender_model');
  const inputSize = 320;
  const scoreThreshold = 0.5;
  const images = [];
  for (let i = 1; i <= 6; i++) {
    const name = `sample${i}`;
    const { width, height, data } = decodeSample(path.join(pkg, 'demo', name + '.jpg'));
    const input = tf.tensor3d(data, [height, width, 3], 'int32');
    const results = await faceapi
      .detectAllFaces(input, new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold }))
      .withFaceLandmarks()
      .withFaceDescriptors()
      .withAgeAndGender();
    const faces = results.map((r) => {
      const rect = r.landmarks.align(null, { useDlibAlignment: true });
      const d = r.detection;
      return {
        score: d.score,
        relativeBox: [d.relativeBox.x, d.relativeBox.y, d.relativeBox.width, d.relativeBox.height],
        box: [d.box.x, d.box.y, d.box.width, d.box.height],
        landmarks: r.landmarks.positions.map((p) => [p.x, p.y]),
        alignedCrop: [rect.x, rect.y, rect.width, rect.height],
        descriptor: Array.from(r.descriptor),
        age: r.age,
        gender: r.gender,
        genderProbability: r.genderProbability,
      };
    });
    images.push({ name, width, height, faces });
    input.dispose();
  }
  const out = {
    generator: 'face-models/reference.cjs',
    package: '@vladmandic/face-api ' + faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    inputSize,
    scoreThreshold,
    images,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
