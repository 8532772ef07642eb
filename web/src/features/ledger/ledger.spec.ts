import { describe, expect, it } from 'vitest'
import { linkOptions, statusTag, type Commodity, type LedgerStock } from './api'
import messages from './messages'
import { flattenKeys } from '@/i18n/messages'

const commodities: Commodity[] = [
  { id: 1, itemNo: 'YP-1', itemKind: 'MATERIAL', hsCode: '8471300000', nameZh: '笔记本电脑', unit: '台' },
  { id: 2, itemNo: 'YP-2', itemKind: 'FINISHED_PRODUCT', hsCode: '8517620000', nameZh: '路由器', unit: '台' },
]
const stock: LedgerStock[] = [
  { id: 7, itemNo: 'YP-1', itemKind: 'GOODS', hsCode: '8471300000', nameZh: '笔记本电脑', unit: '台', quantity: 50, postedTotal: 50, postings: 3 },
]

describe('ledger feature', () => {
  it('offers the link targets the line kind allows', () => {
    expect(linkOptions({ kind: 'MATERIAL', link: 'COMMODITY_LIBRARY', sourceTypes: [] }, commodities, stock, [])).toHaveLength(1)
    expect(linkOptions({ kind: 'GOODS', link: 'COMMODITY_LIBRARY', sourceTypes: [] }, commodities, stock, [])).toHaveLength(2)
    expect(linkOptions({ kind: 'UNIT_CONSUMPTION', link: 'COMMODITY_LIBRARY', sourceTypes: [] }, commodities, stock, [])
      .map((o) => o.value)).toEqual([1])
    expect(linkOptions({ kind: 'GOODS', link: 'LEDGER_STOCK', sourceTypes: [] }, commodities, stock, [])[0].value).toBe(7)
    expect(linkOptions({ kind: 'GOODS', link: 'NONE', sourceTypes: [] }, commodities, stock, [])).toEqual([])
    expect(linkOptions(undefined, commodities, stock, [])).toEqual([])
  })

  it('colours states', () => {
    expect(statusTag('APPROVED')).toBe('success')
    expect(statusTag('RETURNED')).toBe('danger')
    expect(statusTag('DRAFT')).toBe('primary')
  })

  it('has every message in both languages', () => {
    expect(flattenKeys(messages.en).sort()).toEqual(flattenKeys(messages['zh-CN']).sort())
  })
})

describe('ledger home and warnings', () => {
  it('moves a menu entry and leaves the ends alone', async () => {
    const { moveEntry, MENU_ENTRIES } = await import('./api')
    expect(moveEntry(MENU_ENTRIES, 1, -1).slice(0, 2)).toEqual(['ledgers', 'home'])
    expect(moveEntry(MENU_ENTRIES, 0, -1)).toEqual([...MENU_ENTRIES])
    expect(moveEntry(MENU_ENTRIES, MENU_ENTRIES.length - 1, 1)).toEqual([...MENU_ENTRIES])
    expect(new Set(moveEntry(MENU_ENTRIES, 2, 3)).size).toBe(MENU_ENTRIES.length)
  })

  it('computes the warning level as the server does', async () => {
    const { warningLevel } = await import('./api')
    expect(warningLevel(80, 10)).toBe(88)
    expect(warningLevel(80, 0)).toBe(80)
    expect(warningLevel(3, 33.33)).toBeCloseTo(3.9999, 4)
  })

  it('has a title for every menu entry in both languages', async () => {
    const { MENU_ENTRIES } = await import('./api')
    for (const lang of ['zh-CN', 'en'] as const) {
      const tabs = (messages[lang].ledger as Record<string, Record<string, string>>).tabs
      for (const entry of MENU_ENTRIES) expect(tabs[entry]).toBeTruthy()
    }
  })
})

describe('Excel upload with progress', () => {
  class FakeRequest {
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    status = 0
    responseText = ''
    url = ''
    headers: Record<string, string> = {}
    sent?: FormData
    open(_method: string, url: string) {
      this.url = url
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value
    }
    send(body: FormData) {
      this.sent = body
    }
  }

  it('reports the upload in whole percent and resolves with the answer', async () => {
    const { uploadWithProgress, uploadPercent } = await import('./api')
    expect(uploadPercent(0, 0)).toBe(0)
    expect(uploadPercent(512, 1024)).toBe(50)
    expect(uploadPercent(2000, 1024)).toBe(100)
    const fake = new FakeRequest()
    const seen: number[] = []
    const done = uploadWithProgress<{ id: number }[]>('/documents/7/lines/import', new File(['x'], 'lines.xlsx'),
      (p) => seen.push(p), () => fake, 'token-1', '/api')
    await new Promise((r) => setTimeout(r, 0))
    expect(fake.url).toBe('/api/ledger/v1/documents/7/lines/import')
    expect(fake.headers.Authorization).toBe('Bearer token-1')
    expect((fake.sent?.get('file') as File).name).toBe('lines.xlsx')
    fake.upload.onprogress?.({ lengthComputable: true, loaded: 300, total: 1000 })
    fake.upload.onprogress?.({ lengthComputable: true, loaded: 1000, total: 1000 })
    fake.status = 200
    fake.responseText = '[{"id":1}]'
    fake.onload?.()
    await expect(done).resolves.toEqual([{ id: 1 }])
    expect(seen).toEqual([30, 100, 100])
  })

  it('rejects with the problem the server sent', async () => {
    const { uploadWithProgress } = await import('./api')
    const fake = new FakeRequest()
    const done = uploadWithProgress('/documents/7/lines/import', new File(['x'], 'bad.xlsx'), () => {}, () => fake, 't', '')
    await new Promise((r) => setTimeout(r, 0))
    fake.status = 422
    fake.responseText = JSON.stringify({ type: 'about:blank', title: 'x', status: 422, code: 'EXCEL_ROWS_INVALID',
      messageZh: 'Excel 中有 1 行错误，整个文件未导入', messageEn: '1 rows of the Excel file are wrong; nothing was imported' })
    fake.onload?.()
    await expect(done).rejects.toMatchObject({ status: 422, code: 'EXCEL_ROWS_INVALID' })
  })
})

describe('server-side import job and notification channels', () => {
  const job = (status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED', processedRows: number) => ({
    id: 9, documentId: 7, status, totalRows: 1200, processedRows, importedRows: status === 'SUCCEEDED' ? 1200 : 0,
    percent: status === 'SUCCEEDED' ? 100 : Math.floor((processedRows * 100) / 1200), errors: [], errorCount: 0,
  })

  it('polls the job until it ends and shows every state on the way', async () => {
    const { pollImportJob } = await import('./api')
    const answers = [job('QUEUED', 0), job('RUNNING', 400), job('RUNNING', 900), job('SUCCEEDED', 1200)]
    const seen: number[] = []
    const sleeps: number[] = []
    const done = await pollImportJob(async () => answers.shift()!, (j) => seen.push(j.processedRows),
      async (ms) => { sleeps.push(ms) }, 250)
    expect(done.status).toBe('SUCCEEDED')
    expect(seen).toEqual([0, 400, 900, 1200])
    expect(sleeps).toEqual([250, 250, 250])
  })

  it('stops at a failed job and gives up on one that never ends', async () => {
    const { pollImportJob } = await import('./api')
    const failed = { ...job('FAILED', 1000), errors: [{ row: 8, code: 'HS_CODE_UNKNOWN', messageZh: '商品编码 0000000000 不在税则表中', messageEn: 'x' }], errorCount: 1 }
    await expect(pollImportJob(async () => failed, () => {}, async () => {})).resolves.toMatchObject({ status: 'FAILED', errorCount: 1 })
    await expect(pollImportJob(async () => job('RUNNING', 1), () => {}, async () => {}, 1, 3)).rejects.toThrow('did not finish')
  })

  it('splits typed recipients on commas, semicolons and spaces, once each', async () => {
    const { splitRecipients } = await import('./api')
    expect(splitRecipients('13876543210， 13976543210;ops@haikou.example  13876543210')).toEqual(['13876543210', '13976543210', 'ops@haikou.example'])
    expect(splitRecipients('  ')).toEqual([])
  })
})

describe('government rankings', () => {
  const ranking = (chart: 'bar' | 'pie' | 'table') => ({
    name: 'island-registrations-top10-enterprises', titleZh: '岛内自产料件登记TOP10企业', titleEn: 'TOP10', chart,
    valueZh: '登记数量', valueEn: 'quantity registered',
    rows: [
      { label: '91469006MA5U2G7P5X', enterpriseName: '万宁测试加工有限公司', value: '1000000' },
      { label: '91460300MA5W2R7Q4L', enterpriseName: null, value: 125 },
    ],
  })

  it('draws a bar ranking over its enterprises and a pie of its values, and no chart for a table', async () => {
    const { rankingChart } = await import('./api')
    const bar = rankingChart(ranking('bar'), true) as { xAxis: { data: string[] }; series: { data: number[]; name: string }[] }
    expect(bar.xAxis.data).toEqual(['万宁测试加工有限公司', '91460300MA5W2R7Q4L'])
    expect(bar.series[0].data).toEqual([1000000, 125])
    expect(bar.series[0].name).toBe('登记数量')
    const pie = rankingChart(ranking('pie'), false) as { series: { data: { name: string; value: number }[]; name: string }[] }
    expect(pie.series[0].data[1]).toEqual({ name: '91460300MA5W2R7Q4L', value: 125 })
    expect(pie.series[0].name).toBe('quantity registered')
    expect(rankingChart(ranking('table'), true)).toBeNull()
  })
})

describe('joint value-added chain', () => {
  const chain = {
    id: 1,
    chainNo: 'JC2026000001',
    initiator: '91460000MA5T8XQ21K',
    name: '路由器联合加工链',
    status: 'AWAITING_CONFIRMATION' as const,
    createdAt: '2026-11-27T00:00:00Z',
    customsStatus: 'NOT_SENT' as const,
    approvalRound: 0,
    members: [
      { seq: 1, enterprise: '91460100MA5RCL3Y4P', initiator: false, status: 'CONFIRMED' as const },
      { seq: 2, enterprise: '91460000MA5T8XQ21K', initiator: true, status: 'CONFIRMED' as const },
      { seq: 3, enterprise: '91460200MA5TGX8K6E', initiator: false, status: 'PENDING' as const },
    ],
  }

  it('finds the decision an enterprise owes, and none for the initiator or an outsider', async () => {
    const { ownDecision } = await import('./api')
    expect(ownDecision(chain, '91460200MA5TGX8K6E')?.status).toBe('PENDING')
    expect(ownDecision(chain, '91460000MA5T8XQ21K')).toBeUndefined()
    expect(ownDecision(chain, '91460400MA5U0Q2R3C')).toBeUndefined()
    expect(ownDecision(chain, undefined)).toBeUndefined()
  })

  it('lets the initiator delete only while no partner confirmed', async () => {
    const { deletable } = await import('./api')
    expect(deletable(chain, '91460000MA5T8XQ21K')).toBe(false)
    const unconfirmed = { ...chain, members: chain.members.map((m) => (m.initiator ? m : { ...m, status: 'PENDING' as const })) }
    expect(deletable(unconfirmed, '91460000MA5T8XQ21K')).toBe(true)
    expect(deletable(unconfirmed, '91460200MA5TGX8K6E')).toBe(false)
  })

  it('lets only the initiator send a fully confirmed chain to customs, again after an anomaly', async () => {
    const { sendable, deletable } = await import('./api')
    expect(sendable(chain, '91460000MA5T8XQ21K')).toBe(false)
    const confirmed = { ...chain, status: 'CONFIRMED' as const }
    expect(sendable(confirmed, '91460000MA5T8XQ21K')).toBe(true)
    expect(sendable(confirmed, '91460100MA5RCL3Y4P')).toBe(false)
    expect(sendable({ ...confirmed, customsStatus: 'PENDING_APPROVAL' as const }, '91460000MA5T8XQ21K')).toBe(false)
    expect(sendable({ ...confirmed, customsStatus: 'APPROVED' as const }, '91460000MA5T8XQ21K')).toBe(false)
    expect(sendable({ ...confirmed, customsStatus: 'ANOMALY' as const }, '91460000MA5T8XQ21K')).toBe(true)
    // a chain that has been at customs is voided, never deleted
    const pending = chain.members.map((m) => (m.initiator ? m : { ...m, status: 'PENDING' as const }))
    expect(deletable({ ...chain, members: pending, approvalRound: 1 }, '91460000MA5T8XQ21K')).toBe(false)
  })

  it('shows a credit grade with its colour', async () => {
    const { creditTag } = await import('./api')
    expect(creditTag('AEO_ADVANCED')).toBe('success')
    expect(creditTag('GENERAL')).toBe('primary')
    expect(creditTag('DISHONEST')).toBe('danger')
    expect(creditTag(undefined)).toBe('info')
  })

  it('counts the confirmations, the initiator included', async () => {
    const { confirmationProgress } = await import('./api')
    expect(confirmationProgress(chain)).toBe('2/3')
  })
})

describe('ledger set-up BOM and read-only ledgers', () => {
  it('offers the document’s own finished products for a unit-consumption line, once each', async () => {
    const { bomProducts } = await import('./api')
    const lines = [
      { kind: 'MATERIAL', itemNo: 'M-1', nameZh: '铝锭' },
      { kind: 'FINISHED_PRODUCT', itemNo: 'P-1', nameZh: '主板' },
      { kind: 'FINISHED_PRODUCT', itemNo: 'P-1', nameZh: '主板' },
      { kind: 'FINISHED_PRODUCT', itemNo: 'P-2' },
      { kind: 'UNIT_CONSUMPTION', itemNo: 'M-1' },
    ]
    expect(bomProducts(lines)).toEqual([
      { itemNo: 'P-1', label: 'P-1 主板' },
      { itemNo: 'P-2', label: 'P-2' },
    ])
    expect(bomProducts([{ kind: 'MATERIAL', itemNo: 'M-1' }])).toEqual([])
  })

  it('names both read-only ledger kinds in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const equipment = (messages[lang] as { ledger: { equipment: Record<string, string> } }).ledger.equipment
      expect(equipment.VEHICLE_YACHT).toBeTruthy()
      expect(equipment.SELF_USE_EQUIPMENT).toBeTruthy()
    }
  })
})
