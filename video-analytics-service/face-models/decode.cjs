// One JPEG decoder for both the reference vectors and the raw samples the Java tests read.
const fs = require('fs');
const jpeg = require('jpeg-js');

function decodeSample(file) {
  const raw = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
  return { width: raw.width, height: raw.height, data: raw.data };
}

module.exports = { decodeSample };
