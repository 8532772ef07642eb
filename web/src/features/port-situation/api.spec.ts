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
