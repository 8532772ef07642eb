import { describe, expect, it } from 'vitest'
import type { AlertView } from './api'
import { handlingFeedback, latestFeedback } from './alertFeedback'

const alert = (extra: Partial<AlertView>): AlertView => ({
  alertId: 'A1', sourceService: 'port-situation', type: 'AIS_RESTRICTED_AREA', level: 'HIGH', titleZh: '船舶闯入禁航区',
  titleEn: 'Vessel in a restricted area', occurredAt: '2026-11-27T01:00:00Z', attributes: {}, status: 'RAISED',
  raisedAt: '2026-11-27T01:00:01Z', ...extra,
})

describe('alert handling feedback', () => {
  it('lists who acknowledged and handled with what record and closed with what remark in order', () => {
    const a = alert({ status: 'CLOSED', acknowledgedBy: 'lijun', acknowledgedAt: '2026-11-27T01:02:00Z',
      handledBy: 'lijun', handledAt: '2026-11-27T01:30:00Z', handlingAction: '派员核查', handlingRecord: '海巡艇到场，责令驶离',
      closedBy: 'wuhaitao', closedAt: '2026-11-27T02:00:00Z', closingRemark: '已驶离' })
    expect(handlingFeedback(a).map((s) => [s.step, s.by, s.text])).toEqual([
      ['ACKNOWLEDGED', 'lijun', ''], ['HANDLED', 'lijun', '派员核查：海巡艇到场，责令驶离'], ['CLOSED', 'wuhaitao', '已驶离']])
    expect(latestFeedback(a)).toBe('wuhaitao：已驶离')
  })

  it('has no feedback before anyone acted, and the acknowledgement alone before handling', () => {
    expect(handlingFeedback(alert({}))).toEqual([])
    expect(latestFeedback(alert({}))).toBe('')
    expect(latestFeedback(alert({ status: 'ACKNOWLEDGED', acknowledgedBy: 'lijun', acknowledgedAt: '2026-11-27T01:02:00Z' })))
      .toBe('lijun')
  })
})
