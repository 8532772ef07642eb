import { describe, expect, it } from 'vitest'
import { parseEvents } from './api'

describe('parseEvents', () => {
  it('splits a server-sent-events stream into named JSON events and keeps the unfinished rest', () => {
    const chunk =
      'event:hello\ndata:{"user":"lijun"}\n\n:keep-alive\n\nevent:alert\ndata:{"alertId":"a-1","level":"HIGH"}\n\nevent:vess'
    const { events, rest } = parseEvents(chunk)
    expect(events).toEqual([
      { event: 'hello', data: { user: 'lijun' } },
      { event: 'alert', data: { alertId: 'a-1', level: 'HIGH' } },
    ])
    expect(rest).toBe('event:vess')
    const next = parseEvents(rest + 'els\ndata:[{"mmsi":412300100}]\n\n')
    expect(next.events).toEqual([{ event: 'vessels', data: [{ mmsi: 412300100 }] }])
    expect(next.rest).toBe('')
  })

  it('joins multi-line data and accepts CRLF line ends', () => {
    const { events } = parseEvents('event:note\r\ndata:line one\r\ndata:line two\r\n\r\n')
    expect(events).toEqual([{ event: 'note', data: 'line one\nline two' }])
  })
})

describe('video platform tables', () => {
  it('shows the plain fields of the first row as columns and leaves nested ones for the details', async () => {
    const { mediaColumns } = await import('./api')
    expect(mediaColumns([])).toEqual([])
    expect(mediaColumns([{ deviceCode: 'VP-C01', status: 'RUNNING', error: null, access: { protocol: 'RTSP' } }]))
      .toEqual(['deviceCode', 'status', 'error'])
  })
})

describe('correspondenceRows', () => {
  it('gives one row per low-point camera under its high-point camera, and one for a high-point camera alone', async () => {
    const { correspondenceRows } = await import('./api')
    const rows = correspondenceRows([
      { deviceCode: 'VP-C01', nameZh: '高点1', lowPointCameras: [
        { deviceCode: 'VP-C03', nameZh: '低点3', agrees: true, baseDataHighCameraCode: 'VP-C01' },
        { deviceCode: 'VP-C04', nameZh: '低点4' },
      ] },
      { deviceCode: 'VP-C02', nameZh: '高点2', lowPointCameras: [] },
    ])
    expect(rows.map((r) => [r.highPointDeviceCode, r.deviceCode, r.agrees])).toEqual([
      ['VP-C01', 'VP-C03', true],
      ['VP-C01', 'VP-C04', null],
      ['VP-C02', null, null],
    ])
  })
})

describe('containers on site', () => {
  it('are cut by trade and laden or empty for the yard view', async () => {
    const { onSiteSlice } = await import('./api')
    const box = (containerNo: string, trade: 'DOMESTIC' | 'FOREIGN', laden: boolean) =>
      ({ containerNo, portCode: 'YANGPU_PORT', latitude: 19.7, longitude: 109.2, stage: 'IN_YARD', trade, laden, occurredAt: '' })
    const all = [box('CSQU3054383', 'FOREIGN', true), box('MSKU0000001', 'DOMESTIC', false), box('COSU1234560', 'DOMESTIC', true)]
    expect(onSiteSlice(all, 'ALL')).toHaveLength(3)
    expect(onSiteSlice(all, 'FOREIGN').map((c) => c.containerNo)).toEqual(['CSQU3054383'])
    expect(onSiteSlice(all, 'DOMESTIC').map((c) => c.containerNo)).toEqual(['MSKU0000001', 'COSU1234560'])
    expect(onSiteSlice(all, 'LADEN').map((c) => c.containerNo)).toEqual(['CSQU3054383', 'COSU1234560'])
    expect(onSiteSlice(all, 'EMPTY').map((c) => c.containerNo)).toEqual(['MSKU0000001'])
  })
})
