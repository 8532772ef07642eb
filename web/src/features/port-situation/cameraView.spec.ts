import { describe, expect, it } from 'vitest'
import type { Camera } from './api'
import { pairedCameras } from './cameraView'

const camera = (code: string, kind: 'HIGH' | 'LOW', highCameraCode?: string): Camera => ({
  id: code, code, nameZh: code, kind, portCode: 'XINHAI_PORT', latitude: 20.05, longitude: 110.15, highCameraCode,
  status: 'CONFIRMED', updatedBy: 'xingzhiyuan', updatedAt: '2026-11-27T00:00:00Z',
})

describe('camera view', () => {
  it('pairs a high camera with its low cameras and a low camera with its high camera', () => {
    const high = camera('XH-H1', 'HIGH')
    const lows = [camera('XH-L1', 'LOW', 'XH-H1'), camera('XH-L2', 'LOW', 'XH-H1')]
    expect(pairedCameras({ camera: high, lowCameras: lows }).map((c) => c.code)).toEqual(['XH-L1', 'XH-L2'])
    expect(pairedCameras({ camera: lows[0], highCamera: high }).map((c) => c.code)).toEqual(['XH-H1'])
    expect(pairedCameras({ camera: camera('XH-L9', 'LOW') })).toEqual([])
    expect(pairedCameras(null)).toEqual([])
  })
})
