import type { MessageTree } from '@/features/types'

const FIELDS_ZH = {
  declarationType: '报关单类型', status: '状态', preEntryNo: '预录入编号', customsNo: '海关编号', enterprise: '企业（统一社会信用代码）',
  distribution: '分中心下发', createdAt: '创建时间', seq: '项号',
  declareCustoms: '申报地海关', entryExitCustoms: '进境关别', ledgerNo: '备案号', supervisionMode: '监管方式', levyNature: '征免性质',
  contractNo: '合同协议号', verificationListNo: '核注清单编号', transportMode: '运输方式', vesselName: '运输工具名称（船名）',
  voyageNo: '航次号', billOfLadingNo: '提运单号', departureCountry: '启运国（地区）', portCode: '经停港', tradingCountry: '贸易国（地区）',
  domesticTraderUscc: '境内收发货人代码', domesticTraderName: '境内收发货人名称', declarantUscc: '申报单位代码', declarantName: '申报单位名称',
  overseasTraderName: '境外收发货人', transactionMode: '成交方式', packageType: '包装种类', packages: '件数', grossWeight: '毛重（千克）',
  netWeight: '净重（千克）', goodsAttributes: '货物属性', remark: '备注',
  item: {
    hsCode: '商品编号', name: '商品名称', specification: '规格型号', quantity: '成交数量', unit: '成交单位', unitPrice: '单价',
    totalPrice: '总价', currency: '币制', originCountry: '原产国（地区）', levyMode: '征免方式', grossWeight: '毛重', netWeight: '净重',
  },
}

const FIELDS_EN = {
  declarationType: 'Declaration type', status: 'Status', preEntryNo: 'Pre-entry no.', customsNo: 'Customs no.', enterprise: 'Enterprise (USCC)',
  distribution: 'Sub-centre distribution', createdAt: 'Created', seq: 'No.',
  declareCustoms: 'Declaring customs', entryExitCustoms: 'Entry customs', ledgerNo: 'Ledger no.', supervisionMode: 'Supervision mode',
  levyNature: 'Levy nature', contractNo: 'Contract no.', verificationListNo: 'Verification list no.', transportMode: 'Transport mode',
  vesselName: 'Vessel', voyageNo: 'Voyage', billOfLadingNo: 'Bill of lading', departureCountry: 'Departure country', portCode: 'Port of call',
  tradingCountry: 'Trading country', domesticTraderUscc: 'Domestic trader code', domesticTraderName: 'Domestic trader',
  declarantUscc: 'Declarant code', declarantName: 'Declarant', overseasTraderName: 'Overseas trader', transactionMode: 'Transaction mode',
  packageType: 'Package type', packages: 'Packages', grossWeight: 'Gross weight (kg)', netWeight: 'Net weight (kg)',
  goodsAttributes: 'Goods attributes', remark: 'Remark',
  item: {
    hsCode: 'HS code', name: 'Goods name', specification: 'Specification', quantity: 'Quantity', unit: 'Unit', unitPrice: 'Unit price',
    totalPrice: 'Total', currency: 'Currency', originCountry: 'Origin', levyMode: 'Levy mode', grossWeight: 'Gross', netWeight: 'Net',
  },
}

export const zhCN: MessageTree = {
  menu: {
    enterprise: { 'second-line': '二线内销与集中申报', 'service-console': '企业接入服务控制台' },
    officer: { 'clearance-declarations': '报关单查询', 'subcentre-query': '海口数据分中心综合查询', 'second-line': '二线内销与运抵' },
    operator: { 'outbound-messages': '报文发送队列', 'clearance-parameters': '通关参数', 'zero-tariff-reference': '零关税参考数据', 'service-console': '企业接入服务查询' },
  },
  customs: {
    type: { DIRECT_RELEASE: '径予放行', SECOND_LINE_DOMESTIC_SALE: '二线内销', FIRST_LINE_GENERAL: '一线一般报关', SECOND_LINE_GENERAL: '二线一般报关', CONSOLIDATED: '集中申报' },
    status: { DRAFT: '暂存', SUBMITTED: '已申报', SW_ACCEPTED: '单一窗口已接收', SW_REJECTED: '单一窗口拒收', ACCEPTED: '海关已受理', RELEASED: '海关放行', RETURNED: '海关退单', WITHDRAWN: '已撤销', DELETED: '已删除' },
    distribution: { NONE: '未下发', PENDING: '下发中', DISTRIBUTED: '已下发', FAILED: '下发失败' },
    field: FIELDS_ZH,
    block: { basic: '基本信息', transport: '运输信息', parties: '收发货人及申报单位', other: '其他信息', items: '商品信息（表体）', receipts: '回执' },
    action: {
      query: '查询', new: '新增', batchDeclare: '批量申报', import: 'Excel 导入', template: '下载导入模版', export: '导出', save: '暂存',
      prevalidate: '预校验', declare: '申报', backfill: '舱单回填', copy: '复制', delete: '删除', withdraw: '撤销', print: '打印',
      refresh: '刷新', addItem: '新增商品', remove: '删除',
    },
    list: { title: '报关单申报', noQualification: '不具备享惠企业资质，无法办理径予放行申报', batchResult: '批量申报：{ok}/{total} 票已发送' },
    editor: {
      newTitle: '新建', prevalidationPassed: '预校验通过（{rules} 条规则）', warning: '提示', continue: '继续申报', cancel: '取消',
      copied: '已复制，新预录入编号 {no}',
    },
    receipt: { kind: '回执类型', TECHNICAL: '技术回执', BUSINESS: '业务回执', RECEPTION: '分中心接收回执', note: '说明', receivedAt: '接收时间' },
    import: { title: '导入结果', summary: '共 {rows} 行：生成 {created} 票，退回 {refused} 票', row: '行号', group: '报关单序号', result: '结果' },
    subcentre: {
      title: '海口数据分中心 · 综合查询', enterpriseName: '企业名称', historical: '含三年以前数据', declarations: '票数', totalValue: '总价',
      receptions: '接收次数', cleansing: '清洗提示', receivedAt: '接收时间', popularCountries: '热门贸易国别（近一年）',
    },
    outbound: {
      title: '报文发送队列', partner: '接收方', type: '报文类型', attempts: '尝试次数', lastError: '最近错误', redrive: '重新发送',
      redriven: '已重新加入发送队列', PENDING: '待发送', SENT: '已发送', PERMANENTLY_FAILED: '发送失败',
    },
    parameters: { title: '通关参数', table: '参数表', search: '代码或名称', version: '版本', code: '代码', notSeeded: '未导入数据' },
    statistics: {
      dimension: '统计维度', period: '期间', range: '时间范围', from: '开始', to: '结束', enterprise: '企业信用代码',
      run: '统计', export: '导出 Excel（全部维度）', notFilled: '未填写', declarations: '报关单数', items: '商品项数',
      quantity: '数量', netWeight: '净重（千克）', totalPrice: '总价', averageHours: '平均处理时长（小时）',
      periods: { MONTH: '按月', QUARTER: '按季度', YEAR: '按年' },
      dimensions: {
        COMMODITY_CATEGORY: '商品类别（章）', COMMODITY: '商品编号（数量、重量）', ORIGIN: '原产国（地区）', TARIFF_HEADING: '税则品目',
        PERIOD: '期间', PROCESSING_TIME: '处理时长（按报关单类型）', ARRIVAL_DATE: '运抵日期', TRANSPORT_MODE: '运输方式',
        DESTINATION: '最终目的国（地区）', STATUS: '清关状态',
      },
    },
    console: {
      title: '企业接入服务控制台', enterprise: '企业信用代码', search: '查询', service: '服务', interfaces: '开放接口', status: '状态',
      calls: '调用次数', lastCalled: '最近调用', updated: '最近修改', enable: '开通', change: '修改', disable: '关闭', delete: '删除',
      settings: '服务设置', contact: '联系人', callbackUrl: '回调地址', note: '备注', save: '保存', saved: '已保存', deleted: '已删除',
      confirmDelete: '确定删除服务“{name}”？', statuses: { ENABLED: '已开通', DISABLED: '已关闭', NOT_ENABLED: '未开通' },
    },
    secondLine: {
      title: '二线内销', open: '二线内销（核注清单、集中申报、运抵申报）',
      tab: { lists: '核注清单', consolidated: '集中申报', arrivals: '运抵申报', subscriptions: '数据订阅', query: '综合查询', statistics: '统计分析' },
      pull: '调取核注清单', pulled: '已调取 {received} 份，新入库 {stored} 份', declaredBetween: '清单申报日期', declaredDate: '申报日期',
      listType: '清单类型', listTypes: { DOMESTIC_SALE: '二线内销', DISTRIBUTION: '分送集报' },
      listStatus: { LOADED: '已读取', VALID: '校验通过', INVALID: '校验未通过', WRITTEN_OFF: '已核扣完毕' },
      writtenOff: '已核扣', recheck: '重新校验', generate: '生成二线内销报关单', generateGeneral: '生成二线一般报关单',
      period: '汇总月份', lastMonth: '默认上月', consolidate: '汇总分送清单', consolidatedNo: '汇总清单编号', sourceLists: '清单数',
      approvalNo: '审批编号', submit: '申报汇总清单', declareConsolidated: '生成并申报报关单',
      consolidatedStatus: { DRAFT: '暂存', SUBMITTED: '已申报', SW_ACCEPTED: '单一窗口已接收', APPROVED: '海关已审批', REJECTED: '已退回', DECLARED: '已生成报关单', FAILED: '发送失败' },
      site: '监管作业场所', vehiclePlate: '车牌号', containerNo: '集装箱号', saveArrival: '暂存运抵申报', reportNo: '运抵编号',
      control: '布控', gatePass: '核放单号', declare: '申报',
      arrivalStatus: { DRAFT: '暂存', DECLARED: '已申报', RECEIVED: '海关已接收', INSPECTING: '布控查验', CONTROLLED: '无需查验', RELEASED: '已核放', HELD: '车辆扣留', FAILED: '发送失败' },
      receiptKind: '回执类型', referenceNo: '编号', note: '说明', receivedAt: '接收时间',
      content: '订阅内容', contents: { SECOND_LINE_RECEIPTS: '二线报关单回执', VERIFICATION_LISTS: '核注清单', ARRIVAL_RECEIPTS: '运抵回执（布控、查验、车辆、核放）' },
      validity: '有效期', validFrom: '起始日', validTo: '截止日', subscribe: '提交订阅', extendTo: '延期至', extend: '延期', cancel: '取消订阅',
      extensions: '延期次数', subscriptionStatus: { ACTIVE: '有效', CANCELLED: '已取消' }, sourceKey: '数据来源', payload: '推送内容',
    },
    reference: {
      title: '零关税参考数据', note: '享惠企业资质、零关税商品白名单与径予放行征免性质；账册服务提供后由其同步。', qualifications: '享惠企业资质',
      whitelist: '零关税商品白名单', levyNatures: '径予放行征免性质（逗号分隔）', enterpriseName: '企业名称', validFrom: '生效日期',
      validTo: '失效日期', category: '类别', save: '保存', saved: '已保存',
    },
  },
}

export const en: MessageTree = {
  menu: {
    enterprise: { 'second-line': 'Second-line sale & consolidated', 'service-console': 'Service access console' },
    officer: { 'clearance-declarations': 'Customs declarations', 'subcentre-query': 'Haikou sub-centre query', 'second-line': 'Second-line sale & arrival' },
    operator: { 'outbound-messages': 'Outbound message queue', 'clearance-parameters': 'Clearance parameters', 'zero-tariff-reference': 'Zero-tariff reference data', 'service-console': 'Enterprise service access' },
  },
  customs: {
    type: { DIRECT_RELEASE: 'Direct release', SECOND_LINE_DOMESTIC_SALE: 'Second-line domestic sale', FIRST_LINE_GENERAL: 'First-line general', SECOND_LINE_GENERAL: 'Second-line general', CONSOLIDATED: 'Consolidated' },
    status: { DRAFT: 'Draft', SUBMITTED: 'Submitted', SW_ACCEPTED: 'Received by Single Window', SW_REJECTED: 'Rejected by Single Window', ACCEPTED: 'Accepted by customs', RELEASED: 'Released', RETURNED: 'Returned', WITHDRAWN: 'Withdrawn', DELETED: 'Deleted' },
    distribution: { NONE: 'Not distributed', PENDING: 'Distributing', DISTRIBUTED: 'Distributed', FAILED: 'Distribution failed' },
    field: FIELDS_EN,
    block: { basic: 'Basic', transport: 'Transport', parties: 'Traders and declarant', other: 'Other', items: 'Goods items', receipts: 'Receipts' },
    action: {
      query: 'Search', new: 'New', batchDeclare: 'Declare selected', import: 'Import Excel', template: 'Download template', export: 'Export',
      save: 'Save draft', prevalidate: 'Pre-validate', declare: 'Declare', backfill: 'Fill from manifest', copy: 'Copy', delete: 'Delete',
      withdraw: 'Withdraw', print: 'Print', refresh: 'Refresh', addItem: 'Add item', remove: 'Remove',
    },
    list: { title: 'Customs declarations', noQualification: 'No preferential-enterprise qualification: direct release is not available', batchResult: 'Batch: {ok}/{total} declarations sent' },
    editor: {
      newTitle: 'New', prevalidationPassed: 'Pre-validation passed ({rules} rules)', warning: 'Warning', continue: 'Declare anyway', cancel: 'Cancel',
      copied: 'Copied, new pre-entry no. {no}',
    },
    receipt: { kind: 'Kind', TECHNICAL: 'Technical receipt', BUSINESS: 'Business receipt', RECEPTION: 'Sub-centre reception', note: 'Note', receivedAt: 'Received' },
    import: { title: 'Import result', summary: '{rows} rows: {created} created, {refused} refused', row: 'Row', group: 'Group', result: 'Result' },
    subcentre: {
      title: 'Haikou data sub-centre · query', enterpriseName: 'Enterprise name', historical: 'Include data older than 3 years', declarations: 'Declarations',
      totalValue: 'Total value', receptions: 'Receptions', cleansing: 'Cleansing notes', receivedAt: 'Received', popularCountries: 'Popular trading countries (last year)',
    },
    outbound: {
      title: 'Outbound message queue', partner: 'Partner', type: 'Message type', attempts: 'Attempts', lastError: 'Last error', redrive: 'Re-drive',
      redriven: 'Queued again', PENDING: 'Pending', SENT: 'Sent', PERMANENTLY_FAILED: 'Failed',
    },
    parameters: { title: 'Clearance parameters', table: 'Table', search: 'Code or name', version: 'Version', code: 'Code', notSeeded: 'No data imported' },
    statistics: {
      dimension: 'Dimension', period: 'Period', range: 'Time range', from: 'From', to: 'To', enterprise: 'Enterprise credit code',
      run: 'Count', export: 'Export to Excel (all dimensions)', notFilled: 'Not filled', declarations: 'Declarations', items: 'Items',
      quantity: 'Quantity', netWeight: 'Net weight (kg)', totalPrice: 'Total price', averageHours: 'Average processing time (h)',
      periods: { MONTH: 'Monthly', QUARTER: 'Quarterly', YEAR: 'Yearly' },
      dimensions: {
        COMMODITY_CATEGORY: 'Commodity category (HS chapter)', COMMODITY: 'Commodity (quantity, weight)', ORIGIN: 'Origin', TARIFF_HEADING: 'Tariff heading',
        PERIOD: 'Period', PROCESSING_TIME: 'Processing time (by declaration type)', ARRIVAL_DATE: 'Arrival date', TRANSPORT_MODE: 'Transport mode',
        DESTINATION: 'Destination', STATUS: 'Clearance status',
      },
    },
    console: {
      title: 'Service access console', enterprise: 'Enterprise credit code', search: 'Search', service: 'Service', interfaces: 'Open interfaces', status: 'Status',
      calls: 'Calls', lastCalled: 'Last call', updated: 'Last change', enable: 'Enable', change: 'Change', disable: 'Disable', delete: 'Delete',
      settings: 'Service settings', contact: 'Contact', callbackUrl: 'Callback URL', note: 'Note', save: 'Save', saved: 'Saved', deleted: 'Deleted',
      confirmDelete: 'Delete the service "{name}"?', statuses: { ENABLED: 'Enabled', DISABLED: 'Disabled', NOT_ENABLED: 'Not enabled' },
    },
    secondLine: {
      title: 'Second-line domestic sale', open: 'Second line (verification lists, consolidated declaration, arrival reports)',
      tab: { lists: 'Verification lists', consolidated: 'Consolidated declaration', arrivals: 'Arrival reports', subscriptions: 'Data subscription', query: 'Comprehensive query', statistics: 'Statistics' },
      pull: 'Pull verification lists', pulled: '{received} lists pulled, {stored} new', declaredBetween: 'List declared between', declaredDate: 'Declared on',
      listType: 'List type', listTypes: { DOMESTIC_SALE: 'Domestic sale', DISTRIBUTION: 'Distribution' },
      listStatus: { LOADED: 'Read', VALID: 'Checks passed', INVALID: 'Checks failed', WRITTEN_OFF: 'Written off' },
      writtenOff: 'Written off', recheck: 'Check again', generate: 'Fill a domestic-sale declaration', generateGeneral: 'Fill a general declaration',
      period: 'Month', lastMonth: 'Last month', consolidate: 'Consolidate distribution lists', consolidatedNo: 'Consolidated list no.', sourceLists: 'Lists',
      approvalNo: 'Approval no.', submit: 'Declare the list', declareConsolidated: 'Generate and declare',
      consolidatedStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', SW_ACCEPTED: 'Received by Single Window', APPROVED: 'Approved', REJECTED: 'Returned', DECLARED: 'Declared', FAILED: 'Sending failed' },
      site: 'Supervised site', vehiclePlate: 'Vehicle plate', containerNo: 'Container no.', saveArrival: 'Save arrival report', reportNo: 'Report no.',
      control: 'Control', gatePass: 'Gate pass no.', declare: 'Declare',
      arrivalStatus: { DRAFT: 'Draft', DECLARED: 'Declared', RECEIVED: 'Received', INSPECTING: 'Inspection', CONTROLLED: 'No inspection', RELEASED: 'Gate pass issued', HELD: 'Vehicle held', FAILED: 'Sending failed' },
      receiptKind: 'Receipt', referenceNo: 'Reference', note: 'Note', receivedAt: 'Received',
      content: 'Content', contents: { SECOND_LINE_RECEIPTS: 'Second-line declaration receipts', VERIFICATION_LISTS: 'Verification lists', ARRIVAL_RECEIPTS: 'Arrival receipts (control, inspection, vehicle, gate pass)' },
      validity: 'Validity', validFrom: 'From', validTo: 'To', subscribe: 'Subscribe', extendTo: 'Extend to', extend: 'Extend', cancel: 'Cancel',
      extensions: 'Extensions', subscriptionStatus: { ACTIVE: 'Active', CANCELLED: 'Cancelled' }, sourceKey: 'Source', payload: 'Pushed data',
    },
    reference: {
      title: 'Zero-tariff reference data', note: 'Preferential qualifications, the zero-tariff whitelist and the direct-release levy natures; synchronised from the ledger service once it provides them.',
      qualifications: 'Preferential-enterprise qualifications', whitelist: 'Zero-tariff commodity whitelist', levyNatures: 'Direct-release levy natures (comma separated)',
      enterpriseName: 'Enterprise name', validFrom: 'Valid from', validTo: 'Valid to', category: 'Category', save: 'Save', saved: 'Saved',
    },
  },
}
