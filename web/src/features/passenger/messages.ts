import type { MessageTree } from '../types'

const zh: MessageTree = {
  menu: {
    officer: { 'passenger-declarations': '旅客申报监管', 'passenger-settings': '旅客通关设置', 'passenger-guides': '相关指引维护' },
    operator: { 'passenger-receipts': '回执与报文异常', 'passenger-admin': '旅客通关系统管理' },
  },
  passenger: {
    category: { TOBACCO_ALCOHOL: '烟酒', VALUABLES: '贵重物品', FOOD: '食品', MEDICINE: '药品', OTHER_SPECIAL: '其他特殊物品' },
    port: {
      MEILAN_AIRPORT: '海口美兰国际机场', BOAO_AIRPORT: '琼海博鳌国际机场', PHOENIX_AIRPORT: '三亚凤凰国际机场',
      NANSHAN_PORT: '南山港', XINHAI_PORT: '新海港', XIUYING_PORT: '秀英港', MACUN_PORT: '马村港', YANGPU_PORT: '洋浦港',
      QINGLAN_PORT: '清澜港', BASUO_PORT: '八所港',
    },
    transport: { AIR: '航空', WATERWAY: '水运', RAIL: '铁路' },
    status: {
      QUEUED: '待发送', SENT: '已发送海关', ACCEPTED: '已受理', INSPECTION_REQUIRED: '需查验', TAX_DUE: '待缴税',
      TAX_PAID: '已缴税', RELEASED: '已放行', REJECTED: '退单', DELETED: '已删除',
      DUE: '待缴', ENTERED: '已确认', AGREEMENT_SIGNED: '已签协议', PAID: '已缴',
    },
    field: {
      declarationNo: '申报单号', status: '状态', port: '离岛口岸', departureDate: '离岛日期', transportMode: '运输方式',
      ticketNo: '票号', travelerName: '旅客姓名', documentNo: '证件号码', items: '申报物品', category: '类别', name: '物品名称',
      quantity: '数量', unit: '单位', value: '价值', currency: '币种', releaseStatus: '验放情况', decisionReason: '海关意见',
      taxDue: '应缴税款', updatedAt: '更新时间', createdAt: '申报时间', revision: '版本', actions: '操作',
      deletionReason: '删除原因', dispatch: '发送情况',
    },
    action: {
      declare: '我要申报', preview: '数据预览', submit: '提交申报', modify: '修改', delete: '删除', detail: '详情',
      addItem: '添加物品', removeItem: '移除', save: '保存', cancel: '取消', search: '查询', reset: '重置', refresh: '刷新',
      confirmTax: '确认税额', sign: '签署协议', pay: '去支付', download: '下载 PDF', previewPdf: '预览证明',
      downloadQr: '下载二维码', confirm: '确认已取得', retry: '重新处理', resend: '重新发送', upload: '上传附件',
      newGuide: '新增指引', edit: '编辑', timeline: '通关流程',
    },
    declaration: {
      title: '出岛行李物品申报', formTitle: '填写申报单', editTitle: '修改申报单', empty: '暂无申报记录',
      deletePrompt: '请填写删除原因', submitted: '申报已提交，正在加签加密发送海关', modified: '修改已提交', deleted: '删除申请已提交',
      previewOk: '校验通过，预计申报总价值（人民币）：{total} 元', previewBad: '以下内容未通过校验：', receipts: '海关回执',
      noReceipts: '尚未收到回执',
    },
    tax: {
      title: '线上缴税', empty: '暂无待缴税款', lines: '税款明细', dutiable: '完税价格', rate: '税率', amount: '税额',
      total: '合计', step1: '确认税额', step2: '签署三方协议', step3: '支付', step4: '完成', channel: '支付渠道',
      consent: '我已阅读并同意上述三方协议', signed: '协议已签署：海关回执 {customs}，银行回执 {bank}',
      ordered: '订单 {orderNo} 已提交至{channel}，等待支付结果通知…', paid: '缴税成功，完税证明已生成',
      query: '税款查询（近三年）', minTotal: '最低金额', maxTotal: '最高金额', taxNo: '税款编号', assessedAt: '核定时间',
      paidAt: '缴税时间',
    },
    certificate: {
      title: '完税证明', empty: '暂无完税证明', no: '证明编号', issuedAt: '开具时间', qr: '核验二维码',
      confirmed: '已确认', scan: '扫描二维码可核验证明真伪',
    },
    timeline: { title: '个人通关信息', choose: '选择申报单', empty: '请选择一份申报单查看通关流程' },
    verify: {
      title: '完税证明核验', valid: '证明有效', invalid: '未找到该证明，可能是伪造的', note: '本页仅显示不含个人信息的证明要素。',
    },
    settings: {
      title: '旅客通关设置', validation: '校验设置', required: '必填项', quantityLimits: '各类物品数量上限',
      prohibited: '禁止携带物品关键词', itemValueLimit: '单件价值上限（元）', totalValueLimit: '总价值上限（元）',
      maxItems: '每单物品数上限', agreement: '三方协议文本', display: '明细显示设置', saved: '已保存（第 {version} 版）',
      titleZh: '中文标题', titleEn: '英文标题', bodyZh: '中文正文', bodyEn: '英文正文',
      taxEntry: '线上缴税校验设置', maxOnlineTotal: '线上缴税上限（元）', entryValidDays: '核定后可线上缴税天数',
      placeholders: "可用占位符：{'{taxNo}'}、{'{amount}'}、{'{channel}'}",
      requiredField: {
        travelerName: '旅客姓名', documentNo: '证件号码', ticketNo: '票号', itemUnit: '物品单位', itemValue: '物品价值',
        deletionReason: '删除原因',
      },
    },
    receipts: {
      title: '回执与报文异常', failed: '处理失败的回执', messages: '报文发送异常', retried: '重新处理结果：{outcome}',
      failure: '失败原因', receivedAt: '接收时间', partner: '合作方', type: '报文类型', outcome: '结果', detail: '说明',
    },
    guide: {
      title: '相关指引', empty: '暂无指引', attachments: '附件', published: '已发布', draft: '草稿', categories: '关联物品类别',
      keyword: '关键词', deleteConfirm: '确定删除该指引及其附件？',
    },
    officer: { title: '旅客申报监管', messages: '报文日志' },
    admin: {
      title: '旅客通关系统管理', users: '用户管理', roles: '角色管理', organisations: '组织机构', menus: '菜单管理',
      loginLog: '用户登录日志', operationLog: '系统操作日志', search: '用户名或姓名', state: '状态', enabled: '启用',
      disabled: '停用', enable: '启用', disable: '停用', newUser: '新增用户', username: '用户名', name: '名称', email: '邮箱',
      initialPassword: '初始密码', resetPassword: '重置密码', newPassword: '请输入新密码（首次登录须修改）',
      passwordReset: '密码已重置', edit: '修改', saved: '已保存', deleted: '已删除', confirmDelete: '确定删除“{name}”？',
      newRole: '新增角色', code: '编码', kind: '类型', builtIn: '平台内置', custom: '自定义', nameZh: '中文名称',
      nameEn: '英文名称', newOrganisation: '新增机构', addChild: '添加下级', newMenu: '新增菜单', parent: '上级',
      path: '路由', sortOrder: '排序', visibleTo: '可见角色', everyone: '全部登录用户', result: '结果', success: '成功',
      failure: '失败', pull: '立即同步', pulled: '同步新增 {n} 条登录事件', time: '时间', event: '事件', client: '客户端',
      error: '失败原因', action: '操作', businessId: '业务编号', detail: '说明', previewAs: '按角色预览可见菜单',
    },
  },
}

const en: MessageTree = {
  menu: {
    officer: { 'passenger-declarations': 'Passenger declarations', 'passenger-settings': 'Passenger clearance settings', 'passenger-guides': 'Guide editing' },
    operator: { 'passenger-receipts': 'Receipts and message errors', 'passenger-admin': 'Passenger system administration' },
  },
  passenger: {
    category: { TOBACCO_ALCOHOL: 'Tobacco and alcohol', VALUABLES: 'Valuables', FOOD: 'Food', MEDICINE: 'Medicines', OTHER_SPECIAL: 'Other special items' },
    port: {
      MEILAN_AIRPORT: 'Haikou Meilan International Airport', BOAO_AIRPORT: "Qionghai Bo'ao International Airport",
      PHOENIX_AIRPORT: 'Sanya Phoenix International Airport', NANSHAN_PORT: 'Nanshan Port', XINHAI_PORT: 'Xinhai Port',
      XIUYING_PORT: 'Xiuying Port', MACUN_PORT: 'Macun Port', YANGPU_PORT: 'Yangpu Port', QINGLAN_PORT: 'Qinglan Port',
      BASUO_PORT: 'Basuo Port',
    },
    transport: { AIR: 'Air', WATERWAY: 'Waterway', RAIL: 'Rail' },
    status: {
      QUEUED: 'Waiting to send', SENT: 'Sent to customs', ACCEPTED: 'Accepted', INSPECTION_REQUIRED: 'Inspection required',
      TAX_DUE: 'Tax due', TAX_PAID: 'Tax paid', RELEASED: 'Released', REJECTED: 'Rejected', DELETED: 'Deleted',
      DUE: 'Due', ENTERED: 'Confirmed', AGREEMENT_SIGNED: 'Agreement signed', PAID: 'Paid',
    },
    field: {
      declarationNo: 'Declaration no.', status: 'Status', port: 'Port of departure', departureDate: 'Departure date',
      transportMode: 'Transport', ticketNo: 'Ticket no.', travelerName: 'Traveler name', documentNo: 'ID document no.',
      items: 'Declared articles', category: 'Category', name: 'Article', quantity: 'Quantity', unit: 'Unit', value: 'Value',
      currency: 'Currency', releaseStatus: 'Release note', decisionReason: 'Customs remark', taxDue: 'Tax due',
      updatedAt: 'Updated', createdAt: 'Declared at', revision: 'Revision', actions: 'Actions',
      deletionReason: 'Reason for deleting', dispatch: 'Sending',
    },
    action: {
      declare: 'Declare', preview: 'Preview', submit: 'Submit', modify: 'Modify', delete: 'Delete', detail: 'Details',
      addItem: 'Add article', removeItem: 'Remove', save: 'Save', cancel: 'Cancel', search: 'Search', reset: 'Reset',
      refresh: 'Refresh', confirmTax: 'Confirm amount', sign: 'Sign agreement', pay: 'Pay', download: 'Download PDF',
      previewPdf: 'Preview certificate', downloadQr: 'Download QR code', confirm: 'Confirm receipt', retry: 'Retry',
      resend: 'Resend', upload: 'Upload attachment', newGuide: 'New guide', edit: 'Edit', timeline: 'Clearance steps',
    },
    declaration: {
      title: 'Baggage declaration', formTitle: 'Declaration form', editTitle: 'Modify declaration', empty: 'No declarations yet',
      deletePrompt: 'Enter the reason for deleting', submitted: 'Submitted; being signed, encrypted and sent to customs',
      modified: 'Modification submitted', deleted: 'Deletion requested',
      previewOk: 'Valid. Estimated total value: CNY {total}', previewBad: 'These entries failed validation:',
      receipts: 'Customs receipts', noReceipts: 'No receipt yet',
    },
    tax: {
      title: 'Online tax payment', empty: 'No tax due', lines: 'Tax details', dutiable: 'Dutiable value', rate: 'Rate',
      amount: 'Tax', total: 'Total', step1: 'Confirm amount', step2: 'Sign agreement', step3: 'Pay', step4: 'Done',
      channel: 'Payment channel', consent: 'I have read and agree to the tripartite agreement above',
      signed: 'Agreement signed: receipt to customs {customs}, to the bank {bank}',
      ordered: 'Order {orderNo} placed with {channel}; waiting for the payment notification…',
      paid: 'Tax paid; the certificate is ready', query: 'Tax query (last three years)', minTotal: 'Min amount',
      maxTotal: 'Max amount', taxNo: 'Tax no.', assessedAt: 'Assessed at', paidAt: 'Paid at',
    },
    certificate: {
      title: 'Tax-paid certificates', empty: 'No certificates yet', no: 'Certificate no.', issuedAt: 'Issued at',
      qr: 'Verification QR code', confirmed: 'Confirmed', scan: 'Scan the QR code to verify the certificate',
    },
    timeline: { title: 'My clearance', choose: 'Choose a declaration', empty: 'Choose a declaration to see its clearance steps' },
    verify: {
      title: 'Certificate verification', valid: 'The certificate is valid', invalid: 'No such certificate; it may be forged',
      note: 'This page shows only the facts of the certificate, nothing personal.',
    },
    settings: {
      title: 'Passenger clearance settings', validation: 'Validation settings', required: 'Required fields',
      quantityLimits: 'Quantity limit per category', prohibited: 'Prohibited article words',
      itemValueLimit: 'Highest value of one article (CNY)', totalValueLimit: 'Highest total value (CNY)',
      maxItems: 'Most articles per declaration', agreement: 'Tripartite agreement text', display: 'Detail display settings',
      saved: 'Saved (version {version})', titleZh: 'Chinese title', titleEn: 'English title', bodyZh: 'Chinese text',
      taxEntry: 'Online tax entry rules', maxOnlineTotal: 'Highest tax paid online (CNY)',
      entryValidDays: 'Days an assessment can be paid online',
      bodyEn: 'English text', placeholders: "Placeholders: {'{taxNo}'}, {'{amount}'}, {'{channel}'}",
      requiredField: {
        travelerName: 'Traveler name', documentNo: 'ID document no.', ticketNo: 'Ticket no.', itemUnit: 'Article unit',
        itemValue: 'Article value', deletionReason: 'Reason for deleting',
      },
    },
    receipts: {
      title: 'Receipts and message errors', failed: 'Receipts that failed', messages: 'Message send errors',
      retried: 'Retry result: {outcome}', failure: 'Failure', receivedAt: 'Received at', partner: 'Partner', type: 'Type',
      outcome: 'Outcome', detail: 'Detail',
    },
    guide: {
      title: 'Guides', empty: 'No guides', attachments: 'Attachments', published: 'Published', draft: 'Draft',
      categories: 'Article categories', keyword: 'Keyword', deleteConfirm: 'Delete this guide and its attachments?',
    },
    officer: { title: 'Passenger declarations', messages: 'Message log' },
    admin: {
      title: 'Passenger system administration', users: 'Users', roles: 'Roles', organisations: 'Organisations',
      menus: 'Menus', loginLog: 'Login log', operationLog: 'Operation log', search: 'User name or name', state: 'State',
      enabled: 'Enabled', disabled: 'Disabled', enable: 'Enable', disable: 'Disable', newUser: 'New user',
      username: 'User name', name: 'Name', email: 'E-mail', initialPassword: 'Initial password',
      resetPassword: 'Reset password', newPassword: 'New password (to be changed at the next sign-in)',
      passwordReset: 'Password reset', edit: 'Edit', saved: 'Saved', deleted: 'Deleted', confirmDelete: 'Delete "{name}"?',
      newRole: 'New role', code: 'Code', kind: 'Kind', builtIn: 'Built-in', custom: 'Custom', nameZh: 'Chinese name',
      nameEn: 'English name', newOrganisation: 'New organisation', addChild: 'Add child', newMenu: 'New menu item',
      parent: 'Parent', path: 'Route', sortOrder: 'Order', visibleTo: 'Visible to roles', everyone: 'Every signed-in user',
      result: 'Result', success: 'Success', failure: 'Failure', pull: 'Pull now', pulled: '{n} new sign-in events',
      time: 'Time', event: 'Event', client: 'Client', error: 'Error', action: 'Action', businessId: 'Business id',
      detail: 'Detail', previewAs: 'Preview the menu of a role',
    },
  },
}

export const messages = { 'zh-CN': zh, en }
