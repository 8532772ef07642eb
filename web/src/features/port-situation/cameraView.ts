import { api } from '@/api'
import { BASE, type Camera } from './api'

/** 摄像机信息查看: a camera with its pairing (`GET /v1/base-data/cameras/{id}/view`). */
export interface CameraView {
  camera: Camera
  /** For a high camera: its low cameras (of the ports the officer sees). */
  lowCameras?: Camera[]
  /** For a low camera: its high camera. */
  highCamera?: Camera
}

export const cameraView = (id: string) => api.get<CameraView>(`${BASE}/base-data/cameras/${encodeURIComponent(id)}/view`)

/** The cameras paired with the viewed one, whichever side it is on. */
export function pairedCameras(view: CameraView | null): Camera[] {
  if (!view) return []
  return view.camera.kind === 'HIGH' ? view.lowCameras ?? [] : view.highCamera ? [view.highCamera] : []
}
