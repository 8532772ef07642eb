package cn.hnsw.simulators.partner;

/**
 * The kinds of partner system the platform talks to (ARCHITECTURE.md §1, GLOSSARY.md adapter names). Partner-specific
 * simulator behaviour is chosen by kind, so two banks behave alike unless configured otherwise.
 */
public enum PartnerKind {
    /** H2018 clearance management system ({@code H2018Adapter}). */
    CUSTOMS_H2018,
    /** 金关二期, Golden Customs Project Phase II ({@code GoldenCustoms2Adapter}). */
    CUSTOMS_GOLDEN_CUSTOMS_II,
    /** 海关智慧监管平台, Customs Smart Supervision Platform ({@code SmartSupervisionPlatformAdapter}). */
    CUSTOMS_SMART_SUPERVISION,
    /** 单一窗口标准版, China International Trade Single Window Standard Edition ({@code SingleWindowStandardAdapter}). */
    SINGLE_WINDOW_STANDARD,
    /** A bank: tax and deposit payments, reconciliation. */
    BANK,
    /** A wallet (Alipay, Tenpay): online tax payment. */
    WALLET,
    /** 卡口管理与控制系统, gate management and control system ({@code GateControlAdapter}). */
    GATE,
    /** 运营公司购票系统, operator ticketing system ({@code TicketingAdapter}). */
    TICKETING,
    /** An AIS feed of ship positions and static data. */
    AIS_FEEDER,
    /** A networked video platform and its cameras. */
    CAMERA,
    /** 海易办, the Hainan government-service app ({@code HaiyibanAdapter}). */
    HAIYIBAN,
    /** 智慧口岸数字边检, Smart Port Digital Border Inspection ({@code DigitalBorderAdapter}). */
    BORDER_DIGITAL,
    // issue 8 (trade window): the provincial platforms behind pilot approval, low-altitude reporting and repair re-entry.
    /** 省短信平台, the provincial SMS platform ({@code NoticeGateway} SMS channel). */
    SMS_PLATFORM,
    /** 省数据共享平台, the provincial data-sharing platform and the registration sources behind it ({@code SharedDataGateway}). */
    DATA_SHARING,
    /** 舱单系统, the manifest system that back-fills declarations ({@code ManifestSystemAdapter}); issue 9. */
    MANIFEST_SYSTEM,
    /** 政务邮件网关, the provincial government mail gateway that sends e-mail notices ({@code EmailChannel}); issue 7. */
    MAIL_GATEWAY,
    /** 移动端推送服务, the push service of the officers' mobile app (video alerts, {@code NotificationGateway}); issue 6. */
    APP_PUSH
}
